/** Small parts shared by the task board and a task's page: the problem in words, its flags, a write's error. */
import { ApiError } from '../api/client.ts';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { indicatorMeta } from '../domain/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import type { Task } from './types.ts';

type Problem = Task['indicators'][number];

/** The problems a task lists (its own indicator for a task stored before they were listed). */
function problemsOf(task: Task): Problem[] {
  if (task.indicators.length > 0) return task.indicators;
  const { scheme, indicator, value, target, streak } = task;
  return [{ scheme, indicator, value, target, streak, explain: task.figures }];
}

/** The names of a task's problems: 装备达标率、综合得分. */
export function TaskProblem({ task }: { task: Task }) {
  const { tr, lang } = useI18n();
  return (
    <>
      {problemsOf(task)
        .map((p) => tr('ind', p.indicator))
        .join(lang === 'zh' ? '、' : ', ')}
    </>
  );
}

/** Each problem with its figure against the target (装备达标率 66.7%（目标 100.0%）), linking to how it is made. */
export function TaskProblems({ task }: { task: Task }) {
  const i18n = useI18n();
  const { t, tr } = i18n;
  return (
    <ul className="plain-list task-problems">
      {problemsOf(task).map((p) => {
        const meta = indicatorMeta(p.indicator);
        return (
          <li key={`${p.scheme}:${p.indicator}`}>
            <Link href={p.explain}>{tr('ind', p.indicator)}</Link>{' '}
            {p.value === null ? t('dash.noData') : formatIndicator(meta, p.value, i18n)}
            {p.target !== null && (
              <span className="muted"> {t('tasks.target', { target: formatIndicator(meta, p.target, i18n) })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Overdue by N days, a repeat problem for N months, and (unless `bare`) the scheme. */
export function TaskFlags({ task, bare }: { task: Task; bare?: boolean }) {
  const { t } = useI18n();
  return (
    <p className="task-flags">
      {task.overdue && <span className="badge badge-alert">{t('tasks.overdue', { n: task.days_overdue })}</span>}
      {task.repeat && <span className="badge badge-warn">{t('tasks.repeat', { n: task.streak })}</span>}
      {!bare && (
        <span className="badge badge-muted">
          {t(task.scheme === 'performance' ? 'scheme.performanceShort' : 'scheme.constructionShort')}
        </span>
      )}
    </p>
  );
}

/** What a failed write shows: the server's coded error, or the client's own failure. */
export function asError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'client', String(e));
}
