/**
 * When jobs are due, with croner in OUTPOST_TZ: a job is due on a day when its pattern has an
 * occurrence within that day there; its next runs are the pattern's next occurrences.
 *
 * @example
 *   occurrenceOn('0 8 5 * *', '2019-07-05', 'Asia/Shanghai') // 2019-07-05T00:00:00.000Z
 */
import { Cron } from 'croner';
import { addDays, startOfDay } from '../../shared/clock.ts';
import type { Job } from './job.ts';
import type { ScheduleSettings } from './schedule.settings.ts';

/** The job's cron pattern under the settings: the override, its own, or its day of month at its time. */
export function patternOf(job: Job, settings: ScheduleSettings): string {
  const override = settings.jobs[job.name]?.cron;
  if (override) return override;
  if ('cron' in job.schedule) return job.schedule.cron;
  const [h, m] = job.schedule.at.split(':').map(Number);
  return `${m} ${h} ${job.schedule.monthDay(settings)} * *`;
}

export function isEnabled(job: Job, settings: ScheduleSettings): boolean {
  return settings.jobs[job.name]?.enabled !== false;
}

function cron(pattern: string, tz: string): Cron {
  // No function: croner only computes, it starts no timer.
  return new Cron(pattern, { timezone: tz, paused: true });
}

/** The pattern's first occurrence within the day in the zone, or null when it has none that day. */
export function occurrenceOn(pattern: string, day: string, tz: string): Date | null {
  const start = new Date(startOfDay(day, tz));
  const next = cron(pattern, tz).nextRun(new Date(start.getTime() - 1));
  return next && next < new Date(startOfDay(addDays(day), tz)) ? next : null;
}

/** The next `n` occurrences after `after`. */
export function nextRuns(pattern: string, tz: string, after: Date, n = 3): Date[] {
  return cron(pattern, tz).nextRuns(n, after);
}
