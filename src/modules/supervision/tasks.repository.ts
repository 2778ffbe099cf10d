/**
 * Queries of supervision tasks, their events and evidence. Writes take the transaction's
 * Kysely; an optional `within` (a subtree query from accounts/scope.ts) limits reads to a
 * jurisdiction, so a task outside it is simply not found.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, TaskEventTable, TaskEvidenceTable, TaskIndicatorTable, TaskTable } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import { subtree } from '../areas/subtree.ts';

export type TaskRow = Selectable<TaskTable> & {
  notification_number: string;
  issuing_area: string;
  area_name: string | null;
};
export type TaskEventRow = Selectable<TaskEventTable>;
export type EvidenceRow = Selectable<TaskEvidenceTable>;
export type TaskIndicatorRow = Selectable<TaskIndicatorTable>;

export interface TaskFilter {
  /** Tasks of areas in this area's subtree. */
  area?: string;
  /** Tasks of notifications issued by this area. */
  issuing_area?: string;
  status?: string;
  notification_id?: number;
  month?: string;
  /** Only tasks pending after their deadline on this day. */
  overdue_on?: string;
  within?: RawBuilder<never>;
  limit: number;
  offset: number;
}

function tasks(db: Kysely<DB>) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('notifications as n', 'n.id', 't.notification_id')
    .leftJoin('areas as a', 'a.code', 't.area_code')
    .selectAll('t')
    .select(['n.number as notification_number', 'n.area_code as issuing_area', 'a.name as area_name']);
}

export async function listTasks(db: Kysely<DB>, f: TaskFilter): Promise<{ items: TaskRow[]; total: number }> {
  let q = tasks(db);
  if (f.area) q = q.where('t.area_code', 'in', sql<never>`(${subtree(f.area)} select code from sub)`);
  if (f.issuing_area) q = q.where('n.area_code', '=', f.issuing_area);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.notification_id !== undefined) q = q.where('t.notification_id', '=', f.notification_id);
  if (f.month) q = q.where('t.month', '=', f.month);
  if (f.overdue_on) q = q.where('t.status', 'in', ['open', 'in_progress']).where('t.deadline', '<', f.overdue_on);
  if (f.within) q = q.where('t.area_code', 'in', f.within);
  return paged(q, (rows) => rows.orderBy('t.deadline').orderBy('t.id'), f);
}

export async function getTask(db: Kysely<DB>, id: number, within?: RawBuilder<never>): Promise<TaskRow | undefined> {
  let q = tasks(db).where('t.id', '=', id);
  if (within) q = q.where('t.area_code', 'in', within);
  return q.executeTakeFirst();
}

export async function tasksOfNotification(db: Kysely<DB>, notificationId: number): Promise<Selectable<TaskTable>[]> {
  return db.selectFrom('tasks').selectAll().where('notification_id', '=', notificationId).orderBy('id').execute();
}

export async function insertTask(db: Kysely<DB>, row: Insertable<TaskTable>): Promise<number> {
  const { id } = await db.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateTask(
  db: Kysely<DB>,
  id: number,
  set: Partial<
    Pick<TaskTable, 'status' | 'notification_id' | 'scheme' | 'indicator' | 'value' | 'target' | 'streak'>
  > & {
    updated_at: string;
  },
): Promise<void> {
  await db.updateTable('tasks').set(set).where('id', '=', id).execute();
}

/** Replaces the problem indicators a task lists. */
export async function setTaskIndicators(
  db: Kysely<DB>,
  taskId: number,
  problems: { scheme: string; indicator: string; value: number | null; target: number | null; streak: number }[],
): Promise<void> {
  await db.deleteFrom('task_indicators').where('task_id', '=', taskId).execute();
  if (problems.length === 0) return;
  await db
    .insertInto('task_indicators')
    .values(
      problems.map((p) => ({
        task_id: taskId,
        scheme: p.scheme,
        indicator: p.indicator,
        value: p.value,
        target: p.target,
        streak: p.streak,
      })),
    )
    .execute();
}

/** The problem indicators of the tasks `ids`, by task, in the order they were listed. */
export async function indicatorsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, TaskIndicatorRow[]>> {
  const byTask = new Map<number, TaskIndicatorRow[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('task_indicators')
      .selectAll()
      .where('task_id', 'in', ids.slice(i, i + 500))
      .orderBy('task_id')
      .orderBy('id')
      .execute();
    for (const r of rows) byTask.set(Number(r.task_id), [...(byTask.get(Number(r.task_id)) ?? []), r]);
  }
  return byTask;
}

export async function insertEvent(db: Kysely<DB>, row: Insertable<TaskEventTable>): Promise<void> {
  await db.insertInto('task_events').values(row).execute();
}

export async function eventsOf(db: Kysely<DB>, taskId: number): Promise<TaskEventRow[]> {
  return db.selectFrom('task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function insertEvidence(db: Kysely<DB>, row: Insertable<TaskEvidenceTable>): Promise<number> {
  const { id } = await db.insertInto('task_evidence').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function evidenceOf(db: Kysely<DB>, taskId: number): Promise<EvidenceRow[]> {
  return db.selectFrom('task_evidence').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function getEvidence(db: Kysely<DB>, taskId: number, id: number): Promise<EvidenceRow | undefined> {
  return db
    .selectFrom('task_evidence')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The task of the same area from a notification of the month before; of the same scheme and
 * indicator too when they are given (tasks per indicator).
 */
export async function previousTask(
  db: Kysely<DB>,
  t: { area_code: string; scheme?: string; indicator?: string; month: string },
): Promise<number | null> {
  let q = db.selectFrom('tasks').select('id').where('area_code', '=', t.area_code);
  if (t.scheme !== undefined) q = q.where('scheme', '=', t.scheme);
  if (t.indicator !== undefined) q = q.where('indicator', '=', t.indicator);
  const row = await q
    .where('month', '=', t.month)
    .where('status', '!=', 'withdrawn')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** Tasks of the notifications an area issued up to a day, for the next notification's supervision section. */
export async function tasksIssuedBy(db: Kysely<DB>, area: string, day: string): Promise<TaskRow[]> {
  return tasks(db)
    .where('n.area_code', '=', area)
    .where('n.issued_on', '<=', day)
    .where('t.status', '!=', 'withdrawn')
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}

/** Gives a leader the pending tasks of an area that have none. */
export async function assignLeader(
  db: Kysely<DB>,
  area: string,
  leader: { name: string; title: string; phone: string | null },
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ leader_name: leader.name, leader_title: leader.title, leader_phone: leader.phone })
    .where('area_code', '=', area)
    .where('leader_name', 'is', null)
    .where('status', 'in', ['open', 'in_progress'])
    .execute();
}

/** Sets the responsible leader of one task. */
export async function setLeaderOf(
  db: Kysely<DB>,
  id: number,
  leader: { name: string; title: string; phone: string | null },
  now: string,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ leader_name: leader.name, leader_title: leader.title, leader_phone: leader.phone, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Tasks still to be rectified whose deadline is `deadline` (a reminder's day). */
export function pendingTasksDue(db: Kysely<DB>, deadline: string): Promise<TaskRow[]> {
  return tasks(db)
    .where('t.status', 'in', ['open', 'in_progress'])
    .where('t.deadline', '=', deadline)
    .orderBy('t.id')
    .execute();
}

/** Tasks still to be rectified after their deadline on `day`. */
export function overdueTasks(db: Kysely<DB>, day: string): Promise<TaskRow[]> {
  return tasks(db)
    .where('t.status', 'in', ['open', 'in_progress'])
    .where('t.deadline', '<', day)
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}
