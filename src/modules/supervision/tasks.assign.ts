/**
 * Bulk assignment: the tasks a manager selects (of one notice, grouped by area on the web) get one
 * responsible leader from the leaders registry, all or none. Each task records the change in its
 * history; one audit entry names them all.
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { timestamp } from '../../shared/clock.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';
import { isWithin, leaderOf } from './leaders.repository.ts';
import { getTask, insertEvent, setLeaderOf } from './tasks.repository.ts';

/** Gives the tasks `ids` the leader registered for `leaderArea`; answers how many changed. */
export async function assignTasks(
  db: Database,
  who: AuditActor,
  scope: Scope | null,
  ids: number[],
  leaderArea: string,
): Promise<{ assigned: number; leader: { area: string; name: string; title: string } }> {
  const unique = [...new Set(ids)];
  return db.transaction(async (tx) => {
    const leader = await leaderOf(tx.kysely, leaderArea);
    if (!leader || (scope && !(await isWithin(tx.kysely, scope.area, leaderArea))))
      throw new AppError('leader_not_registered', { area: leaderArea });
    const within = scope ? areasInScope(scope) : undefined;
    for (const id of unique) {
      const task = await getTask(tx.kysely, id, within);
      if (!task) throw new AppError('task_not_found', { id, scoped: !!scope });
      if (task.status === 'verified' || task.status === 'withdrawn')
        throw new AppError('task_assign_closed', { id, status: task.status });
    }
    const now = timestamp();
    for (const id of unique) {
      await setLeaderOf(tx.kysely, id, leader, now);
      await insertEvent(tx.kysely, {
        task_id: id,
        at: now,
        actor: who.actor,
        kind: 'assigned',
        from_status: null,
        to_status: null,
        body: `${leader.name}（${leader.title}）`,
      });
    }
    await appendAudit(tx, who, {
      action: 'task.assign',
      target: unique.join(','),
      detail: { tasks: unique, leader_area: leaderArea, name: leader.name, title: leader.title },
    });
    return { assigned: unique.length, leader: { area: leaderArea, name: leader.name, title: leader.title } };
  });
}
