/**
 * Moving a task along its life on the task page: the next statuses it may take, the comment a
 * send-back needs, and for a province-wide admin an earlier day with its reason.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api/client.ts';
import { useAuth } from '../auth/auth.tsx';
import { useToday } from '../ui/meta.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { WriteError } from '../ui/states.tsx';
import { Segmented } from '../ui/segmented.tsx';
import { canMove, needsComment, SETTABLE_STATUSES, type TaskStatus } from '#core/supervision/task-status.ts';
import type { TaskDetail } from './types.ts';
import { asError } from './task-bits.tsx';

/** The move form; nothing when the task can move no further. */
export function MoveForm({ task, onChange }: { task: TaskDetail; onChange(t: TaskDetail): void }) {
  const { t, tr } = useI18n();
  const commentId = useId();
  const { session } = useAuth();
  // Four eyes: whoever marked it rectified does not verify it (the server refuses it too).
  const own = session !== undefined && task.rectified_by === `user:${session.username}`;
  const moves = SETTABLE_STATUSES.filter((s) => canMove(task.status as TaskStatus, s) && !(own && s === 'verified'));
  const [to, setTo] = useState<TaskStatus>();
  const [comment, setComment] = useState('');
  const [backdate, setBackdate] = useState({ date: '', reason: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // Only a province-wide account may date a move before today (the server checks it too).
  const mayBackdate = !session || session.role === 'admin';
  if (moves.length === 0) return null;
  const needs = to !== undefined && needsComment(task.status as TaskStatus, to);
  const backdating = backdate.date !== '';
  const incomplete = !to || (needs && !comment.trim()) || (backdating && !backdate.reason.trim());
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!to || incomplete) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        status: to,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(backdating ? { backdate: { date: backdate.date, reason: backdate.reason.trim() } } : {}),
      };
      onChange((await apiSend<TaskDetail>('PUT', `/tasks/${task.id}/status`, body)).data);
      setTo(undefined);
      setComment('');
      setBackdate({ date: '', reason: '' });
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="task-move-h">
      <h2 id="task-move-h">{t('task.move')}</h2>
      {own && <p className="note">{t('task.fourEyes')}</p>}
      <form onSubmit={submit}>
        <Segmented<TaskStatus>
          legend={t('task.moveTo')}
          name="to"
          value={to}
          options={moves.map((s) => ({
            value: s,
            label: t(
              s === 'in_progress' && task.status === 'rectified'
                ? 'task.sendBack'
                : (`task.to.${s}` as 'task.to.verified'),
            ),
          }))}
          onChange={setTo}
        />
        <div className="field">
          <label htmlFor={commentId}>
            {t('task.comment')} <small className="muted">{needs ? t('records.required') : t('records.optional')}</small>
          </label>
          <textarea
            id={commentId}
            rows={2}
            maxLength={4000}
            value={comment}
            aria-invalid={needs && !comment.trim() ? true : undefined}
            onChange={(e) => setComment(e.target.value)}
          />
          {needs && <p className="muted small">{t('task.reasonNeeded')}</p>}
        </div>
        {mayBackdate && <BackdateFields value={backdate} onChange={setBackdate} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || incomplete}>
            {to ? t('task.moveButton', { status: tr('taskStatus', to) }) : t('task.pickMove')}
          </button>
        </div>
        <WriteError error={error} />
      </form>
    </section>
  );
}

/** An earlier day for the move, with the reason the audit log keeps; today when left empty. */
function BackdateFields({
  value,
  onChange,
}: {
  value: { date: string; reason: string };
  onChange(v: { date: string; reason: string }): void;
}) {
  const { t } = useI18n();
  const today = useToday();
  const dateId = useId();
  const reasonId = useId();
  return (
    <details className="field" open={value.date !== '' || undefined}>
      <summary>{t('task.backdate')}</summary>
      <p className="muted small">{t('task.backdateHint')}</p>
      <div className="field">
        <label htmlFor={dateId}>{t('task.backdateDate')}</label>
        <input
          id={dateId}
          type="date"
          max={today}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={reasonId}>
          {t('task.backdateReason')}{' '}
          <small className="muted">{value.date ? t('records.required') : t('records.optional')}</small>
        </label>
        <input
          id={reasonId}
          maxLength={500}
          value={value.reason}
          aria-invalid={value.date !== '' && !value.reason.trim() ? true : undefined}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
        />
      </div>
    </details>
  );
}
