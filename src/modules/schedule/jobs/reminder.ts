/**
 * A reminder job in a few lines: every day, for each number of days n the settings name, it asks
 * `find` for what falls due n days later and announces one event per item, whose id (event, key,
 * deadline, n) makes a second run announce nothing new. Task deadline reminders use it; so can
 * the reminders of later issues: rooms that have not reported (17), period submission and
 * approval (18), 签收 receipts (19).
 *
 * @example
 *   export const taskReminders = reminderJob({
 *     name: 'task-reminders', event: 'task.reminder', cron: '0 8 * * *', about: { zh: '…', en: '…' },
 *     daysBefore: (s) => s.task_reminder_days,
 *     find: async (ctx, deadline, n) => (await pendingTasksDue(ctx.db.kysely, deadline)).map(…),
 *   });
 */
import { addDays } from '../../../shared/clock.ts';
import { eventId, type EventName, type Text } from '../../channels/events.ts';
import type { Job, JobContext } from '../job.ts';
import type { ScheduleSettings } from '../schedule.settings.ts';

export interface Reminder {
  /** What is due, unique within the event (a task's id, an area and month). */
  key: string;
  area: string | null;
  month: string | null;
  title: Text;
  text: Text;
  link: string | null;
  data: Record<string, unknown>;
}

export interface ReminderSpec {
  name: string;
  about: Text;
  event: EventName;
  cron: string;
  daysBefore(settings: ScheduleSettings): number[];
  find(ctx: JobContext, deadline: string, daysLeft: number): Promise<Reminder[]>;
}

export function reminderJob(spec: ReminderSpec): Job {
  return {
    name: spec.name,
    about: spec.about,
    schedule: { cron: spec.cron },
    async run(ctx, day) {
      const events = [];
      const counts: Record<string, number> = {};
      for (const n of [...new Set(spec.daysBefore(ctx.settings))].sort((a, b) => b - a)) {
        const deadline = addDays(day, n);
        const items = await spec.find(ctx, deadline, n);
        counts[`${n}d`] = items.length;
        for (const r of items)
          events.push({
            id: eventId(spec.event, r.key, deadline, n),
            name: spec.event,
            area: r.area,
            month: r.month,
            title: r.title,
            text: r.text,
            link: r.link,
            data: { ...r.data, deadline, days_left: n },
          });
      }
      return { events, summary: { reminders: counts } };
    },
  };
}
