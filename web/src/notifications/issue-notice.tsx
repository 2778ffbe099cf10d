/**
 * Issuing the month's notification (issue 19): its issue date (today on the server's clock by
 * default, never before the month's end), its rectification deadline and its signer (签发人),
 * with whether the month's areas are locked — the document says "provisional" when they are
 * not. A correction of the standing notice asks for its reason instead. Once issued, the page
 * shows the issued document (IssuedNotice), never the draft.
 */
import { useId, useState } from 'react';
import { endOfMonth } from '#core/calendar/month.ts';
import { ApiError, apiSend, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';
import { useToday } from '../ui/meta.tsx';
import { WriteError } from '../ui/states.tsx';
import type { PeriodRow } from '../periods/types.ts';
import type { Issued, NotificationEntry } from '../supervision/types.ts';
import { todoChanged } from '../todo/todo-count.tsx';

/** Whether the month's areas (the area and its children) are locked, as the period board says. */
export function LockState({ area, month }: { area: string; month: string }) {
  const { t } = useI18n();
  const rows = useApi<PeriodRow[]>(`/periods${query({ month, within: area })}`);
  if (!rows.data) return null;
  const open = rows.data.filter((r) => r.status !== 'locked');
  return (
    <p className={`note${open.length ? ' warn' : ''}`} data-testid="lock-state" data-unlocked={open.length}>
      <strong>{t('issue.locks')}：</strong>
      {open.length === 0
        ? t('issue.locked')
        : t('issue.unlocked', { n: open.length, areas: open.map((r) => r.name).join('、') })}{' '}
      {open.length > 0 && <Link href={href('/periods', { month, area })}>{t('issue.toPeriods')}</Link>}
    </p>
  );
}

export function IssueNotice({
  area,
  month,
  lang,
  standing,
  onIssued,
  onDate,
}: {
  area: string;
  month: string;
  lang: Lang;
  standing: NotificationEntry | undefined;
  onIssued(issued: Issued): void;
  /** The issue date as chosen, for the draft's preview. */
  onDate?(date: string): void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const ids = { reason: useId(), date: useId(), deadline: useId(), signer: useId() };
  const today = useToday();
  const last = endOfMonth(month);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [deadline, setDeadline] = useState('');
  const [signer, setSigner] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!can('notifications:write')) return <p className="muted small">{t('notice.cannotIssue')}</p>;
  const correcting = standing !== undefined;
  const day = date || (today > last ? today : last);
  async function issue() {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        area,
        month,
        lang,
        date: day,
        ...(deadline ? { deadline } : {}),
        ...(signer.trim() ? { signer: signer.trim() } : {}),
        ...(correcting ? { corrects: standing.number, reason } : {}),
      };
      const { data } = await apiSend<Issued>('POST', '/notifications', body);
      setConfirming(false);
      todoChanged();
      onIssued(data);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="issue">
      {!confirming ? (
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          {correcting ? t('notice.correct') : t('notice.issue')}
        </button>
      ) : (
        <div className="confirm" role="group" aria-label={correcting ? t('notice.correct') : t('notice.issue')}>
          <p>{correcting ? t('notice.confirmCorrect', { number: standing.number }) : t('notice.confirmIssue')}</p>
          <div className="issue-fields">
            <div className="field">
              <label htmlFor={ids.date}>{t('issue.date')}</label>
              <input
                id={ids.date}
                type="date"
                min={last}
                value={day}
                onChange={(e) => {
                  setDate(e.target.value);
                  // The preview follows the date chosen, so that what is read is what will be issued.
                  if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && e.target.value >= last) onDate?.(e.target.value);
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.deadline}>{t('issue.deadline')}</label>
              <input
                id={ids.deadline}
                type="date"
                min={day}
                value={deadline}
                aria-describedby={`${ids.deadline}-hint`}
                onChange={(e) => setDeadline(e.target.value)}
              />
              <small id={`${ids.deadline}-hint`} className="muted">
                {t('issue.deadlineHint')}
              </small>
            </div>
            <div className="field">
              <label htmlFor={ids.signer}>{t('issue.signer')}</label>
              <input id={ids.signer} maxLength={100} value={signer} onChange={(e) => setSigner(e.target.value)} />
            </div>
          </div>
          {correcting && (
            <div className="field">
              <label htmlFor={ids.reason}>{t('notice.reason')}</label>
              <textarea
                id={ids.reason}
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || (correcting && !reason.trim())}
              onClick={() => void issue()}
            >
              {busy ? t('notice.issuing') : correcting ? t('notice.confirmCorrectButton') : t('notice.confirmButton')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('ctl.cancel')}
            </button>
          </div>
        </div>
      )}
      <WriteError error={error} />
    </div>
  );
}

/** What issuing answered: the number and the tasks, with links to the issued notice and its tasks. */
export function IssuedNote({ issued }: { issued: Issued }) {
  const { t } = useI18n();
  return (
    <div className="note" role="status" data-testid="issued">
      <p>
        {t('notice.issued', {
          number: issued.notification.number,
          opened: issued.tasks.opened,
          carried: issued.tasks.carried,
          withdrawn: issued.tasks.withdrawn,
        })}
      </p>
      <div className="actions">
        <Link href={`/notifications/${issued.notification.id}`}>{t('notice.view')}</Link>
        <Link href={href('/tasks', { notification: issued.notification.id })}>{t('notice.toTasks')}</Link>
      </div>
    </div>
  );
}
