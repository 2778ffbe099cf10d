/**
 * Escalation of overdue supervision tasks (提级督办): on its first overdue day a task still to be
 * rectified goes to the level above its area, and after every further `escalation_step_days`
 * still overdue to the level above that, up to the top of the tree. Each level is announced once
 * (`task.escalated`, to the area it goes to), whichever day's run first finds it.
 */
import type { Tree } from '../../areas/area-tree.ts';
import { eventId, type AnnouncedEvent } from '../../channels/events.ts';
import { daysBetween } from '../../notifications/document/dates.ts';
import { overdueTasks } from '../../supervision/tasks.repository.ts';
import type { Job } from '../job.ts';
import { taskData, taskParts } from './task-text.ts';

/** The areas above `code`, nearest first. */
function ancestors(tree: Tree, code: string): string[] {
  const out: string[] = [];
  for (let c = tree.areas.get(code)?.parent_code ?? null; c; c = tree.areas.get(c)?.parent_code ?? null) out.push(c);
  return out;
}

/** The level an overdue task has reached (1 on its first overdue day), capped at the top of the tree. */
export function escalationLevel(daysOverdue: number, step: number, levelsAbove: number): number {
  return Math.min(levelsAbove, 1 + Math.floor((daysOverdue - 1) / step));
}

export const taskEscalationJob: Job = {
  name: 'task-escalation',
  about: { zh: '逾期整改任务提级督办', en: 'Escalation of overdue tasks' },
  schedule: { cron: '15 8 * * *' },
  async run(ctx, day) {
    const tree = await ctx.assessment.areas.tree();
    const events: AnnouncedEvent[] = [];
    for (const t of await overdueTasks(ctx.db.kysely, day)) {
      const up = ancestors(tree, t.area_code);
      if (up.length === 0) continue;
      const late = daysBetween(t.deadline, day);
      const level = escalationLevel(late, ctx.settings.escalation_step_days, up.length);
      const to = up[level - 1];
      const toName = tree.areas.get(to)?.name ?? to;
      const p = taskParts(t);
      events.push({
        id: eventId('task.escalated', t.id, t.deadline, level),
        name: 'task.escalated',
        area: to,
        month: t.month,
        title: {
          zh: `整改任务逾期${late}天，提请${toName}督办：${p.area.zh}${p.problem.zh}`,
          en: `A supervision task ${late} day${late === 1 ? '' : 's'} overdue goes to ${toName}: ${p.area.en}, ${p.problem.en}`,
        },
        text: {
          zh: `${t.notification_number}通报指出的${p.area.zh}“${p.problem.zh}”问题，整改期限${t.deadline}已过${late}天，仍${p.status.zh}${p.leader.zh}。现提级至${toName}督办（第${level}级）。`,
          en: `The problem "${p.problem.en}" of ${p.area.en} named by notification ${t.notification_number} was due on ${t.deadline}, ${late} day${late === 1 ? '' : 's'} ago, and is still ${p.status.en}${p.leader.en}. It goes to ${toName} (level ${level}).`,
        },
        link: `/tasks/${t.id}`,
        data: { ...taskData(t), area: t.area_code, escalated_to: to, level, days_overdue: late },
      });
    }
    return { events, summary: { overdue: events.length } };
  },
};
