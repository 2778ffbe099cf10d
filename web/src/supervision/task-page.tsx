/**
 * One supervision task: the problem and its notification, deadline, responsible leader, flags;
 * the moves it may make next (a rectification sent back needs a reason); comments; evidence
 * files uploaded and downloaded; and its whole history. Forms show to accounts that may write.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { API, ApiError, apiSend, apiUpload } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { isPending } from '#core/supervision/task-status.ts';
import { SupervisionTabs } from './tabs.tsx';
import { MoveForm } from './task-move.tsx';
import { asError, TaskFlags, TaskProblem, TaskProblems } from './task-bits.tsx';
import type { LeaderRow, TaskDetail } from './types.ts';

export function TaskPage({ id }: { id: string }) {
  const loaded = useApi<TaskDetail>(`/tasks/${encodeURIComponent(id)}`);
  // A write answers the task as it now is; shown at once, without asking again.
  const [fresh, setFresh] = useState<TaskDetail>();
  useEffect(() => setFresh(undefined), [loaded.data]);
  return (
    <div className="page task-page">
      <SupervisionTabs />
      <Async {...loaded}>
        {(task) => <TaskView task={fresh ?? task} onChange={setFresh} reload={loaded.reload} />}
      </Async>
    </div>
  );
}

function TaskView({ task, onChange, reload }: { task: TaskDetail; onChange(t: TaskDetail): void; reload(): void }) {
  const { t, tr, fmt } = useI18n();
  const can = useCan();
  const writable = can('tasks:write');
  return (
    <>
      <header className="page-head">
        <p className="muted">
          <Link href={href('/tasks', { notification: task.notification.id })}>{task.notification.number}</Link> ·{' '}
          {fmt.month(task.month)}
        </p>
        <h1 tabIndex={-1}>
          {task.area.name ?? task.area.code} · <TaskProblem task={task} />
        </h1>
        <TaskFlags task={task} />
      </header>
      <section className="panel" aria-labelledby="task-facts-h">
        <h2 id="task-facts-h">{t('task.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('task.status')}</dt>
            <dd>
              <span className={`task-status task-status-${task.status}`}>{tr('taskStatus', task.status)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('task.problem')}</dt>
            <dd>
              <TaskProblems task={task} />
              <Link href={task.figures}>{t('task.figures')}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('tasks.deadline')}</dt>
            <dd>{fmt.date(task.deadline)}</dd>
          </div>
          <div>
            <dt>{t('tasks.leader')}</dt>
            <dd>
              {task.leader ? (
                <>
                  {task.leader.name}（{task.leader.title}）
                  {task.leader.phone && (
                    <>
                      {' '}
                      <a href={`tel:${task.leader.phone.replace(/[^\d+]/g, '')}`}>{task.leader.phone}</a>
                    </>
                  )}
                </>
              ) : (
                <span className="muted">{t('tasks.noLeader')}</span>
              )}
            </dd>
          </div>
          {task.previous_task_id !== null && (
            <div>
              <dt>{t('task.previous')}</dt>
              <dd>
                <Link href={`/tasks/${task.previous_task_id}`}>#{task.previous_task_id}</Link>
              </dd>
            </div>
          )}
        </dl>
        {writable && !task.leader && isPending(task.status) && <LeaderForm area={task.area.code} onSaved={reload} />}
      </section>
      {writable && <MoveForm task={task} onChange={onChange} />}
      <Evidence task={task} writable={writable} onChange={onChange} />
      <History task={task} writable={writable} onChange={onChange} />
    </>
  );
}

function Evidence({
  task,
  writable,
  onChange,
}: {
  task: TaskDetail;
  writable: boolean;
  onChange(t: TaskDetail): void;
}) {
  const { t, fmt } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [inputKey, setInputKey] = useState(0);
  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        (await apiUpload<TaskDetail>(`/tasks/${task.id}/evidence?name=${encodeURIComponent(file.name)}`, file)).data,
      );
      setFile(undefined);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="task-evidence-h">
      <h2 id="task-evidence-h">{t('task.evidence')}</h2>
      {task.evidence.length === 0 ? (
        <p className="muted">{t('task.noEvidence')}</p>
      ) : (
        <ul className="plain-list evidence-list">
          {task.evidence.map((ev) => (
            <li key={ev.id}>
              <a href={`${API}/tasks/${task.id}/evidence/${ev.id}`} download={ev.file_name}>
                <bdi>{ev.file_name}</bdi>
              </a>{' '}
              <small className="muted">
                {fmt.bytes(ev.size)} · {fmt.dateTime(ev.uploaded_at)} · {ev.uploaded_by_name} ·{' '}
                <span className="mono" title={ev.sha256}>
                  SHA-256 {ev.sha256.slice(0, 12)}…
                </span>
              </small>
            </li>
          ))}
        </ul>
      )}
      {writable && (
        <form className="upload-form" onSubmit={upload}>
          <label htmlFor={fileId}>{t('task.attach')}</label>
          <div className="input-with-button">
            <input key={inputKey} id={fileId} type="file" onChange={(e) => setFile(e.target.files?.[0])} />
            <button type="submit" disabled={!file || busy}>
              {busy ? t('task.uploading') : t('task.upload')}
            </button>
          </div>
          <WriteError error={error} />
        </form>
      )}
    </section>
  );
}

function History({ task, writable, onChange }: { task: TaskDetail; writable: boolean; onChange(t: TaskDetail): void }) {
  const { t, tr, fmt } = useI18n();
  const bodyId = useId();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  async function comment(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      onChange((await apiSend<TaskDetail>('POST', `/tasks/${task.id}/comments`, { body: body.trim() })).data);
      setBody('');
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="task-history-h">
      <h2 id="task-history-h">{t('task.history')}</h2>
      <ol className="timeline">
        {task.events.map((ev, i) => (
          <li key={i} className={`event-${ev.kind}`}>
            <p className="muted small">
              {fmt.dateTime(ev.at)} · {ev.actor_name}
            </p>
            <p>
              <strong>{tr('taskEvent', ev.kind)}</strong>
              {ev.to_status && (
                <>
                  {' '}
                  {ev.from_status && `${tr('taskStatus', ev.from_status)} → `}
                  {tr('taskStatus', ev.to_status)}
                </>
              )}
            </p>
            <EventBody event={ev} />
          </li>
        ))}
      </ol>
      {writable && (
        <form onSubmit={comment} className="comment-form">
          <div className="field">
            <label htmlFor={bodyId}>{t('task.addComment')}</label>
            <textarea id={bodyId} rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy || !body.trim()}>
              {t('task.commentButton')}
            </button>
          </div>
          <WriteError error={error} />
        </form>
      )}
    </section>
  );
}

function LeaderForm({ area, onSaved }: { area: string; onSaved(): void }) {
  const { t } = useI18n();
  const ids = { name: useId(), title: useId(), phone: useId() };
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ name: '', title: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('leader.set')}
      </button>
    );
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiSend<LeaderRow>('PUT', `/leaders/${encodeURIComponent(area)}`, {
        name: form.name.trim(),
        title: form.title.trim(),
        phone: form.phone.trim() || null,
      });
      setOpen(false);
      onSaved();
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  const field = (key: keyof typeof form, label: string, id: string, type = 'text') => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        required={key !== 'phone'}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form className="leader-form" onSubmit={save}>
      <h3>{t('leader.set')}</h3>
      <div className="form-grid">
        {field('name', t('leader.name'), ids.name)}
        {field('title', t('leader.title'), ids.title)}
        {field('phone', t('leader.phone'), ids.phone, 'tel')}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !form.name.trim() || !form.title.trim()}>
          {t('leader.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('ctl.cancel')}
        </button>
      </div>
      <WriteError error={error} />
    </form>
  );
}

/**
 * What an event says: for the system's own events (opened from, carried to or withdrawn by a
 * notification; a file attached) a sentence in the reader's language; people's words as written.
 */
function EventBody({ event }: { event: TaskDetail['events'][number] }) {
  const { t, fmt } = useI18n();
  const text = event.notice
    ? t(`taskEvent.${event.kind}.notice` as MessageKey, { number: event.notice })
    : event.file
      ? t('taskEvent.evidence.file', { name: event.file.name, size: fmt.bytes(event.file.size) })
      : event.body;
  return text ? <p className="event-body">{text}</p> : null;
}
