/**
 * What supervision tasks leave in an account's 待办: at the issuing level (a manager of the
 * notice's area, or an admin) the tasks that have no responsible leader yet and those marked
 * rectified by another account, to verify; at the task's own area (its managers) the tasks still
 * to be rectified, due on their deadline.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TodoItem } from '#core/todo/todo-item.ts';
import type { TodoQuery, TodoSource } from '../todo/todo-source.ts';

interface TodoTaskRow {
  id: number;
  notification_id: number;
  area_code: string;
  area_name: string | null;
  month: string;
  deadline: string;
}

/** The issuing level of a query: an admin's is everywhere (null), a manager's its own area; others have none. */
function issuingLevel(q: TodoQuery): { area: string | null } | undefined {
  if (q.role === 'admin') return { area: null };
  if (q.role === 'manager' && q.actor.scope) return { area: q.actor.scope.area };
  return undefined;
}

function tasksQuery(db: Kysely<DB>, statuses: string[]) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('notifications as n', 'n.id', 't.notification_id')
    .leftJoin('areas as a', 'a.code', 't.area_code')
    .select(['t.id', 't.notification_id', 't.area_code', 'a.name as area_name', 't.month', 't.deadline'])
    .where('t.status', 'in', statuses)
    .orderBy('t.deadline')
    .orderBy('t.id');
}

const item = (kind: TodoItem['kind'], t: TodoTaskRow, link: string, due: string | null): TodoItem => ({
  kind,
  key: `${kind}:${t.id}`,
  area: t.area_code,
  area_name: t.area_name ?? t.area_code,
  month: t.month,
  due,
  link,
});

/** Tasks of the notices the level issued that no leader answers for yet: assigned in bulk on the notice's table. */
export const taskAssignTodo: TodoSource = async (ctx, q) => {
  const level = issuingLevel(q);
  if (!level) return [];
  let rows = tasksQuery(ctx.db.kysely, ['open', 'in_progress', 'rectified']).where('t.leader_name', 'is', null);
  if (level.area !== null) rows = rows.where('n.area_code', '=', level.area);
  return (await rows.execute()).map((t) =>
    item('task_assign', t, `/tasks/table?notification=${Number(t.notification_id)}`, t.deadline),
  );
};

/** Tasks of a manager's own area still to be rectified, due on their deadline. */
export const taskRectifyTodo: TodoSource = async (ctx, q) => {
  if (q.role !== 'manager' || !q.actor.scope) return [];
  const rows = await tasksQuery(ctx.db.kysely, ['open', 'in_progress'])
    .where('t.area_code', '=', q.actor.scope.area)
    .execute();
  return rows.map((t) => item('task_rectify', t, `/tasks/${Number(t.id)}`, t.deadline));
};

/** Tasks of the notices the level issued that another account marked rectified. */
export const taskVerifyTodo: TodoSource = async (ctx, q) => {
  const level = issuingLevel(q);
  if (!level) return [];
  let rows = tasksQuery(ctx.db.kysely, ['rectified']);
  if (level.area !== null) rows = rows.where('n.area_code', '=', level.area);
  const tasks = await rows.execute();
  const by = await rectifiers(
    ctx.db.kysely,
    tasks.map((t) => Number(t.id)),
  );
  return tasks
    .filter((t) => by.get(Number(t.id)) !== q.actor.who.actor)
    .map((t) => item('task_verify', t, `/tasks/${Number(t.id)}`, null));
};

/** Who last marked each of the tasks rectified. */
async function rectifiers(db: Kysely<DB>, ids: number[]): Promise<Map<number, string>> {
  const by = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('task_events')
      .select(['task_id', 'actor'])
      .where('task_id', 'in', ids.slice(i, i + 500))
      .where('kind', '=', 'status')
      .where('to_status', '=', 'rectified')
      .orderBy('id')
      .execute();
    for (const r of rows) by.set(Number(r.task_id), r.actor);
  }
  return by;
}

/** The supervision tasks' sources of a 待办 list. */
export const TASK_TODO_SOURCES: readonly TodoSource[] = [taskAssignTodo, taskRectifyTodo, taskVerifyTodo];
