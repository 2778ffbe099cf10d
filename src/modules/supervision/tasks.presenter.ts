import type { SchemeName } from '../assessment/domain/index.ts';
import { daysBetween } from '../notifications/document/dates.ts';
import type { EvidenceRow, TaskIndicatorRow, TaskRow } from './tasks.repository.ts';
import type { EvidenceView, TaskIndicatorView, TaskView } from '#core/contracts/supervision.schema.ts';
import { isOverdue, type TaskStatus } from '#core/supervision/task-status.ts';

const COMPOSITE = 'composite';

/** The web path that explains an area's figure of a month: a ranking for the composite score. */
export function explainPath(area: string, month: string, scheme: string, indicator: string): string {
  const q = new URLSearchParams({ area, month, scheme });
  if (indicator === COMPOSITE) return `/assessment/rankings?${q}`;
  q.set('indicator', indicator);
  return `/assessment/explain?${q}`;
}

function presentIndicator(row: TaskRow, i: TaskIndicatorRow): TaskIndicatorView {
  return {
    scheme: i.scheme as SchemeName,
    indicator: i.indicator,
    value: i.value === null ? null : Number(i.value),
    target: i.target === null ? null : Number(i.target),
    streak: Number(i.streak),
    explain: explainPath(row.area_code, row.month, i.scheme, i.indicator),
  };
}

/** A task row as the API and CLI show it with the problems it lists, judged overdue on `day`. */
export function presentTask(row: TaskRow, day: string, indicators: TaskIndicatorRow[]): TaskView {
  const overdue = isOverdue(row.status, row.deadline, day);
  return {
    id: Number(row.id),
    notification: { id: Number(row.notification_id), number: row.notification_number, issuing_area: row.issuing_area },
    area: { code: row.area_code, name: row.area_name },
    month: row.month,
    scheme: row.scheme as SchemeName,
    indicator: row.indicator,
    value: row.value === null ? null : Number(row.value),
    target: row.target === null ? null : Number(row.target),
    indicators: indicators.map((i) => presentIndicator(row, i)),
    figures: `/assessment/explain?${new URLSearchParams({ area: row.area_code, month: row.month })}`,
    streak: Number(row.streak),
    repeat: Number(row.streak) >= 2,
    previous_task_id: row.previous_task_id === null ? null : Number(row.previous_task_id),
    leader: row.leader_name ? { name: row.leader_name, title: row.leader_title ?? '', phone: row.leader_phone } : null,
    deadline: row.deadline,
    status: row.status as TaskStatus,
    overdue,
    days_overdue: overdue ? daysBetween(row.deadline, day) : 0,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** A stored evidence file (a task's or an appeal's) as the API shows it. */
export function presentEvidence(row: Omit<EvidenceRow, 'task_id'>, name: (actor: string) => string): EvidenceView {
  return {
    id: Number(row.id),
    file_name: row.file_name,
    sha256: row.sha256,
    size: Number(row.size),
    content_type: row.content_type,
    uploaded_at: row.uploaded_at,
    uploaded_by: row.uploaded_by,
    uploaded_by_name: name(row.uploaded_by),
  };
}
