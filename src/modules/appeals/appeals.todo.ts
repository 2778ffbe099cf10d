/** Pending appeals in the 待办 of the issuing level: a manager of the notice's area, or an admin. */
import type { TodoSource } from '../todo/todo-source.ts';
import { pendingAppealsIssuedBy } from './appeals.repository.ts';

export const appealDecideTodo: TodoSource = async (ctx, q) => {
  const level = q.role === 'admin' ? null : q.role === 'manager' && q.actor.scope ? q.actor.scope.area : undefined;
  if (level === undefined) return [];
  const rows = await pendingAppealsIssuedBy(ctx.db.kysely, level);
  return rows
    .filter((a) => a.filed_by !== q.actor.who.actor)
    .map((a) => ({
      kind: 'appeal_decide' as const,
      key: `appeal_decide:${Number(a.id)}`,
      area: a.area_code,
      area_name: a.area_name ?? a.area_code,
      month: a.month,
      due: null,
      link: `/appeals/${Number(a.id)}`,
    }));
};
