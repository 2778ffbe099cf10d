/**
 * A notice's rectification tasks as a table grouped by area: each task's problems (linking to
 * their explanation), status, deadline and responsible leader, a checkbox per open task and per
 * area, and one action giving the selection a leader from the leaders registry. At phone width
 * each row stacks into a card.
 */
import { useState, type FormEvent } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, useLocation } from '../router/router.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import { SupervisionTabs } from './tabs.tsx';
import { asError, TaskFlags, TaskProblems } from './task-bits.tsx';
import type { LeaderRow, Task, TaskPage } from './types.ts';

/** The most the API gives in one page. */
const LIMIT = 500;

const assignable = (task: Task) => task.status !== 'verified' && task.status !== 'withdrawn';

export function TaskTablePage() {
  const { t } = useI18n();
  const location = useLocation();
  const notification = location.query.get('notification') ?? '';
  const tasks = useApi<TaskPage>(`/tasks${query({ notification, limit: LIMIT })}`, { keep: true });
  const first = tasks.data?.items[0];
  return (
    <div className="page task-table-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('tasks.table.title')}</h1>
        {notification && first && <p className="note">{t('tasks.ofNotice', { number: first.notification.number })}</p>}
        <p className="muted">
          <Link href={href('/tasks', notification ? { notification } : {})}>{t('tasks.table.board')}</Link>
        </p>
      </header>
      <Async {...tasks}>
        {(page) =>
          page.total === 0 ? (
            <Empty>{t('tasks.none')}</Empty>
          ) : (
            <TaskTable tasks={page.items.filter((x) => x.status !== 'withdrawn')} reload={tasks.reload} />
          )
        }
      </Async>
    </div>
  );
}

function TaskTable({ tasks, reload }: { tasks: Task[]; reload(): void }) {
  const { t, tr, fmt } = useI18n();
  const writable = useCan()('tasks:write');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const groups = new Map<string, Task[]>();
  for (const task of tasks) groups.set(task.area.code, [...(groups.get(task.area.code) ?? []), task]);
  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    setSelected(next);
  };
  return (
    <>
      {writable && (
        <AssignForm
          ids={[...selected]}
          onDone={() => {
            setSelected(new Set());
            reload();
          }}
        />
      )}
      <div className="table-wrap">
        <table className="stack task-table">
          <thead>
            <tr>
              {writable && <th scope="col">{t('tasks.table.select')}</th>}
              <th scope="col">{t('tasks.table.problems')}</th>
              <th scope="col">{t('task.status')}</th>
              <th scope="col">{t('tasks.deadline')}</th>
              <th scope="col">{t('tasks.leader')}</th>
            </tr>
          </thead>
          {[...groups].map(([code, rows]) => {
            const open = rows.filter(assignable).map((r) => r.id);
            const name = rows[0].area.name ?? code;
            return (
              <tbody key={code}>
                <tr className="task-group">
                  <th scope="colgroup" colSpan={writable ? 5 : 4}>
                    {writable && open.length > 0 ? (
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={open.every((id) => selected.has(id))}
                          onChange={(e) => toggle(open, e.target.checked)}
                        />
                        {t('tasks.table.area', { area: name, n: rows.length })}
                      </label>
                    ) : (
                      t('tasks.table.area', { area: name, n: rows.length })
                    )}
                  </th>
                </tr>
                {rows.map((task) => (
                  <tr key={task.id} data-task={task.id}>
                    {writable && (
                      <td data-label={t('tasks.table.select')}>
                        {assignable(task) && (
                          <input
                            type="checkbox"
                            aria-label={t('tasks.table.selectTask', { id: task.id, area: name })}
                            checked={selected.has(task.id)}
                            onChange={(e) => toggle([task.id], e.target.checked)}
                          />
                        )}
                      </td>
                    )}
                    <td data-label={t('tasks.table.problems')}>
                      <div>
                        <Link href={`/tasks/${task.id}`}>#{task.id}</Link>
                        <TaskProblems task={task} />
                        {(task.overdue || task.repeat) && <TaskFlags task={task} bare />}
                      </div>
                    </td>
                    <td data-label={t('task.status')}>{tr('taskStatus', task.status)}</td>
                    <td data-label={t('tasks.deadline')}>{fmt.date(task.deadline)}</td>
                    <td data-label={t('tasks.leader')}>
                      {task.leader ? (
                        `${task.leader.name}（${task.leader.title}）`
                      ) : (
                        <span className="muted">{t('tasks.noLeader')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}

/** One leader from the registry for every selected task. */
function AssignForm({ ids, onDone }: { ids: number[]; onDone(): void }) {
  const { t } = useI18n();
  const leaders = useApi<{ items: LeaderRow[] }>(`/leaders${query({ limit: LIMIT })}`);
  const [leader, setLeader] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!leader || ids.length === 0) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await apiSend<{ assigned: number; leader: { name: string; title: string } }>(
        'POST',
        '/tasks/assign',
        { ids, leader },
      );
      setDone(t('tasks.table.assigned', { n: answer.data.assigned, name: answer.data.leader.name }));
      onDone();
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  const rows = leaders.data?.items ?? [];
  return (
    <form className="panel assign-form" onSubmit={submit} aria-label={t('tasks.table.assign')}>
      <p className="muted small" role="status">
        {t('tasks.table.selected', { n: ids.length })}
      </p>
      <div className="controls">
        <div className="field-inline">
          <label htmlFor="assign-leader">{t('tasks.leader')}</label>
          <select id="assign-leader" value={leader} onChange={(e) => setLeader(e.target.value)}>
            <option value="">{rows.length ? t('tasks.table.pickLeader') : t('tasks.table.noLeaders')}</option>
            {rows.map((l) => (
              <option key={l.area_code} value={l.area_code}>
                {l.name}（{l.title}）· {l.area_name ?? l.area_code}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy || !leader || ids.length === 0}>
          {t('tasks.table.assign')}
        </button>
      </div>
      {done && <p className="note">{done}</p>}
      <WriteError error={error} />
    </form>
  );
}
