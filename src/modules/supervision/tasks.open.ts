/**
 * Tasks made by issuing a notification: one per problem it names, for the leader responsible
 * for that area, due a set number of days after issue. A correction carries the tasks of the
 * notice it supersedes: a problem it still names keeps its task (history and all); one it drops
 * is withdrawn; a new one opens a task.
 */
import { eventBody } from './task-event-body.ts';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit.repository.ts';
import { previousMonth } from '../assessment/month.ts';
import type { Problem } from '../notifications/notification.facts.ts';
import { leaderOf } from './leaders.repository.ts';
import { insertEvent, insertTask, previousTask, tasksOfNotification, updateTask } from './tasks.repository.ts';

export interface IssuedNotice {
  id: number;
  number: string;
  month: string;
  issued_on: string;
  deadline: string;
}

const keyOf = (t: { area_code: string; scheme: string; indicator: string }) =>
  `${t.area_code}:${t.scheme}:${t.indicator}`;

/** Opens a task for every problem of a newly issued notice; returns how many. */
export async function openTasks(
  tx: Tx,
  who: AuditActor,
  notice: IssuedNotice,
  problems: Problem[],
  now: string,
): Promise<number> {
  for (const p of problems) await openTask(tx, who, notice, p, now);
  return problems.length;
}

async function openTask(tx: Tx, who: AuditActor, notice: IssuedNotice, p: Problem, now: string): Promise<number> {
  const leader = await leaderOf(tx.kysely, p.area_code);
  const id = await insertTask(tx.kysely, {
    notification_id: notice.id,
    area_code: p.area_code,
    month: notice.month,
    scheme: p.scheme,
    indicator: p.indicator,
    value: p.value,
    target: p.target,
    streak: p.streak,
    previous_task_id: await previousTask(tx.kysely, {
      area_code: p.area_code,
      scheme: p.scheme,
      indicator: p.indicator,
      month: previousMonth(notice.month),
    }),
    leader_name: leader?.name ?? null,
    leader_title: leader?.title ?? null,
    leader_phone: leader?.phone ?? null,
    deadline: notice.deadline,
    status: 'open',
    created_at: now,
    updated_at: now,
  });
  await insertEvent(tx.kysely, {
    task_id: id,
    at: now,
    actor: who.actor,
    kind: 'created',
    from_status: null,
    to_status: 'open',
    body: eventBody.created(notice.number),
  });
  return id;
}

/** Moves the tasks of `supersededId` to the correcting notice as described above. */
export async function carryTasks(
  tx: Tx,
  who: AuditActor,
  supersededId: number,
  notice: IssuedNotice,
  problems: Problem[],
  now: string,
): Promise<{ carried: number; withdrawn: number; opened: number }> {
  const wanted = new Map(problems.map((p) => [keyOf(p), p]));
  let carried = 0;
  let withdrawn = 0;
  for (const task of await tasksOfNotification(tx.kysely, supersededId)) {
    const key = keyOf(task);
    if (wanted.has(key)) {
      wanted.delete(key);
      await updateTask(tx.kysely, Number(task.id), { notification_id: notice.id, updated_at: now });
      await insertEvent(tx.kysely, {
        task_id: Number(task.id),
        at: now,
        actor: who.actor,
        kind: 'carried',
        from_status: task.status,
        to_status: task.status,
        body: eventBody.carried(notice.number),
      });
      carried++;
    } else if (task.status !== 'verified' && task.status !== 'withdrawn') {
      await updateTask(tx.kysely, Number(task.id), { status: 'withdrawn', updated_at: now });
      await insertEvent(tx.kysely, {
        task_id: Number(task.id),
        at: now,
        actor: who.actor,
        kind: 'withdrawn',
        from_status: task.status,
        to_status: 'withdrawn',
        body: eventBody.withdrawn(notice.number),
      });
      withdrawn++;
    }
  }
  for (const p of wanted.values()) await openTask(tx, who, notice, p, now);
  return { carried, withdrawn, opened: wanted.size };
}
