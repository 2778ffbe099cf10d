/**
 * Tasks made by issuing a notification: one per lagging area listing its problem indicators (or,
 * where the settings say `tasks_per: indicator`, one per problem), for the leader responsible
 * for that area, due a set number of days after issue. A correction carries the tasks of the
 * notice it supersedes: an area (or problem) it still names keeps its task, history and all, with
 * the problems the correction names; one it drops is withdrawn; a new one opens a task.
 */
import { eventBody } from './task-event-body.ts';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit.repository.ts';
import { previousMonth } from '../assessment/month.ts';
import type { Problem } from '../notifications/notification.facts.ts';
import { loadSettings } from '../notifications/settings.service.ts';
import { leaderOf } from './leaders.repository.ts';
import {
  insertEvent,
  insertTask,
  previousTask,
  setTaskIndicators,
  tasksOfNotification,
  updateTask,
} from './tasks.repository.ts';

export interface IssuedNotice {
  id: number;
  number: string;
  month: string;
  issued_on: string;
  deadline: string;
}

type TasksPer = 'area' | 'indicator';

/** What one task is about: its area and its problems (one when tasks are per indicator). */
interface Group {
  key: string;
  area_code: string;
  problems: Problem[];
}

const keyOf = (per: TasksPer, t: { area_code: string; scheme: string; indicator: string }) =>
  per === 'area' ? t.area_code : `${t.area_code}:${t.scheme}:${t.indicator}`;

/** The problems grouped into tasks, in the notice's order. */
export function groupProblems(per: TasksPer, problems: Problem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of problems) {
    const key = keyOf(per, p);
    const group = groups.get(key) ?? { key, area_code: p.area_code, problems: [] };
    group.problems.push(p);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The task row's own indicator columns: its first problem's; its streak: the longest of them. */
function headline(g: Group) {
  const [first] = g.problems;
  return {
    scheme: first.scheme,
    indicator: first.indicator,
    value: first.value,
    target: first.target,
    streak: Math.max(...g.problems.map((p) => p.streak)),
  };
}

/** Opens the tasks of a newly issued notice; returns how many. */
export async function openTasks(
  tx: Tx,
  who: AuditActor,
  notice: IssuedNotice,
  problems: Problem[],
  now: string,
): Promise<number> {
  const per = (await loadSettings(tx.kysely)).tasks_per;
  const groups = groupProblems(per, problems);
  for (const g of groups) await openTask(tx, who, notice, per, g, now);
  return groups.length;
}

async function openTask(
  tx: Tx,
  who: AuditActor,
  notice: IssuedNotice,
  per: TasksPer,
  g: Group,
  now: string,
): Promise<number> {
  const leader = await leaderOf(tx.kysely, g.area_code);
  const head = headline(g);
  const id = await insertTask(tx.kysely, {
    notification_id: notice.id,
    area_code: g.area_code,
    month: notice.month,
    ...head,
    previous_task_id: await previousTask(tx.kysely, {
      area_code: g.area_code,
      month: previousMonth(notice.month),
      ...(per === 'indicator' ? { scheme: head.scheme, indicator: head.indicator } : {}),
    }),
    leader_name: leader?.name ?? null,
    leader_title: leader?.title ?? null,
    leader_phone: leader?.phone ?? null,
    deadline: notice.deadline,
    status: 'open',
    created_at: now,
    updated_at: now,
  });
  await setTaskIndicators(tx.kysely, id, g.problems);
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
  const per = (await loadSettings(tx.kysely)).tasks_per;
  const wanted = new Map(groupProblems(per, problems).map((g) => [g.key, g]));
  let carried = 0;
  let withdrawn = 0;
  for (const task of await tasksOfNotification(tx.kysely, supersededId)) {
    const group = wanted.get(keyOf(per, task));
    if (group) {
      wanted.delete(group.key);
      await updateTask(tx.kysely, Number(task.id), { notification_id: notice.id, updated_at: now, ...headline(group) });
      await setTaskIndicators(tx.kysely, Number(task.id), group.problems);
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
  for (const g of wanted.values()) await openTask(tx, who, notice, per, g, now);
  return { carried, withdrawn, opened: wanted.size };
}
