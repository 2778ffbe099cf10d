/** Small parts shared by the task board and a task's page: the problem in words, its flags, a write's error. */
import { ApiError } from '../api/client.ts';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { indicatorMeta } from '../domain/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Task } from './types.ts';

/** 装备达标率 66.7%（目标 100.0%）; `short` leaves out the figures. */
export function TaskProblem({ task, short }: { task: Task; short?: boolean }) {
  const i18n = useI18n();
  const { t, tr } = i18n;
  const meta = indicatorMeta(task.indicator);
  const name = tr('ind', task.indicator);
  if (short) return <>{name}</>;
  return (
    <>
      {name} {task.value === null ? t('dash.noData') : formatIndicator(meta, task.value, i18n)}
      {task.target !== null && (
        <span className="muted"> {t('tasks.target', { target: formatIndicator(meta, task.target, i18n) })}</span>
      )}
    </>
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
