/**
 * The supervision task board: one column per status (open, in progress, rectified, verified),
 * each task a card with its area, problem, value against target, deadline, responsible leader,
 * and flags for overdue and repeat problems. Filters (area subtree, month, notification,
 * overdue only) and the page live in the URL: a province can have thousands of tasks, shown
 * 500 at a time in deadline order.
 */
import { useId } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi, useApiAll } from '../api/use-api.ts';
import { isMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async, Empty } from '../ui/states.tsx';
import { SupervisionTabs } from './tabs.tsx';
import { TaskFlags, TaskProblem } from './task-bits.tsx';
import type { Task, TaskPage } from './types.ts';
import { ExportLinks } from '../ui/export-links.tsx';

const COLUMNS = ['open', 'in_progress', 'rectified', 'verified'] as const;
/** The most the API gives in one page. */
const LIMIT = 500;

export function TaskBoardPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const ids = { month: useId(), overdue: useId() };
  const area = location.query.get('area') ?? '';
  const monthParam = location.query.get('month');
  const month = isMonth(monthParam) ? monthParam : '';
  const overdue = location.query.get('overdue') === 'true';
  const notification = location.query.get('notification') ?? '';
  const offset = offsetOf(location.query.get('offset'));
  // Other filters start again from the first page; turning a page is a step Back undoes.
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { ...changes, offset: undefined }), { replace: true });
  const turn = (to: number) => navigate(withQuery(location, { offset: to ? String(to) : undefined }));
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null);
  const filters = { area, month, notification, overdue: overdue ? 'true' : undefined };
  // The page, and (unless only overdue tasks are shown) a count of the overdue ones on every page.
  const tasks = useApiAll<TaskPage>(
    [
      `/tasks${query({ ...filters, limit: LIMIT, offset })}`,
      ...(overdue ? [] : [`/tasks${query({ ...filters, overdue: 'true', limit: 1 })}`]),
    ],
    { keep: true },
  );
  const first = tasks.data?.[0].items[0];

  return (
    <div className="page task-board-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('tasks.title')}</h1>
        <p className="muted">{t('tasks.intro')}</p>
        <div className="controls">
          <AreaSearch
            label={t('ctl.area')}
            placeholder={detail.data?.name ?? t('archive.allAreas')}
            onPick={(a) => set({ area: a.code })}
          />
          <div className="field-inline">
            <label htmlFor={ids.month}>{t('tasks.month')}</label>
            <input
              id={ids.month}
              type="month"
              value={month}
              onChange={(e) => set({ month: e.target.value || undefined })}
            />
          </div>
          <label className="check" htmlFor={ids.overdue}>
            <input
              id={ids.overdue}
              type="checkbox"
              checked={overdue}
              onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
            />
            {t('tasks.overdueOnly')}
          </label>
          {(area || month || overdue || notification) && (
            <button
              type="button"
              onClick={() => set({ area: undefined, month: undefined, overdue: undefined, notification: undefined })}
            >
              {t('archive.clear')}
            </button>
          )}
          <ExportLinks path="/tasks" params={filters} what={t('tasks.title')} />
        </div>
        {notification && first && <p className="note">{t('tasks.ofNotice', { number: first.notification.number })}</p>}
        <p className="muted">
          <Link href={href('/tasks/table', notification ? { notification } : {})}>{t('tasks.table.open')}</Link>
        </p>
      </header>
      <Async {...tasks}>
        {([page, overdueTasks = page]) =>
          page.total === 0 ? (
            <Empty>{t('tasks.none')}</Empty>
          ) : (
            <>
              <p className="muted small" role="status">
                {t('tasks.count', { n: fmt.count(page.total), overdue: fmt.count(overdueTasks.total) })}
              </p>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={turn} />
              {/* A new page starts its columns from the top. */}
              <div className="board" key={page.offset}>
                {COLUMNS.map((status) => (
                  <Column key={status} status={status} tasks={page.items.filter((x) => x.status === status)} />
                ))}
              </div>
              <Withdrawn tasks={page.items.filter((x) => x.status === 'withdrawn')} />
            </>
          )
        }
      </Async>
    </div>
  );
}

function Column({ status, tasks }: { status: string; tasks: Task[] }) {
  const { t, tr } = useI18n();
  const id = `col-${status}`;
  return (
    <section className={`board-column board-${status}`} aria-labelledby={id}>
      <h2 id={id}>
        {tr('taskStatus', status)} <span className="count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="muted small">{t('tasks.emptyColumn')}</p>
      ) : (
        // A long column scrolls by itself, so the board stays one screen high; focusable to scroll by keyboard.
        <ul className="task-list" tabIndex={0} aria-labelledby={id}>
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskCard task={task} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TaskCard({ task }: { task: Task }) {
  const { t, fmt } = useI18n();
  return (
    <article className={`task-card${task.overdue ? ' is-overdue' : ''}`}>
      <h3>
        <Link href={`/tasks/${task.id}`}>
          {task.area.name ?? task.area.code} · <TaskProblem task={task} />
        </Link>
      </h3>
      {(task.overdue || task.repeat) && <TaskFlags task={task} bare />}
      <p className="task-line">
        {t(task.scheme === 'performance' ? 'scheme.performanceShort' : 'scheme.constructionShort')} ·{' '}
        {t('tasks.until', { date: fmt.date(task.deadline) })} ·{' '}
        {task.leader ? `${task.leader.name}（${task.leader.title}）` : t('tasks.noLeaderLong')}
      </p>
    </article>
  );
}

function Withdrawn({ tasks }: { tasks: Task[] }) {
  const { t } = useI18n();
  if (tasks.length === 0) return null;
  return (
    <details className="panel withdrawn">
      <summary>{t('tasks.withdrawn', { n: tasks.length })}</summary>
      <ul className="plain-list">
        {tasks.map((task) => (
          <li key={task.id}>
            <Link href={`/tasks/${task.id}`}>
              {task.area.name ?? task.area.code} · <TaskProblem task={task} />
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** `?offset=` as a row number, 0 when absent or not one. */
function offsetOf(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
