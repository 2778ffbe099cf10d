/**
 * What a scheduled job is: a name, when it is due (a cron pattern, or a day of the month from the
 * settings at a time of day), and `run(ctx, day)`, which does the day's work and answers the
 * events to announce. The runner claims (job, day) first, so `run` is called at most once per
 * day that succeeds; events carry stable ids, so announcing them again adds nothing.
 *
 * @example
 *   export const pingJob: Job = {
 *     name: 'ping', about: 'says hello each morning', schedule: { cron: '0 8 * * *' },
 *     async run(ctx, day) { return { events: [], summary: { day } }; },
 *   };
 */
import type { Database } from '../../db/database.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { AnnouncedEvent } from '../channels/events.ts';
import type { ScheduleSettings } from './schedule.settings.ts';

export interface JobContext {
  db: Database;
  assessment: AssessmentService;
  settings: ScheduleSettings;
  /** OUTPOST_TZ: the zone of `day` and of the schedule. */
  tz: string;
  now: Date;
}

export interface JobResult {
  events: AnnouncedEvent[];
  /** What the run did, recorded with its outcome and shown to admins. */
  summary?: Record<string, unknown>;
}

export type JobSchedule =
  /** A cron pattern (minute hour day-of-month month day-of-week) in OUTPOST_TZ. */
  | { cron: string }
  /** A day of each month taken from the settings, at HH:MM. */
  | { monthDay: (settings: ScheduleSettings) => number; at: string };

export interface Job {
  /** kebab-case, stable: it names the job's runs. */
  name: string;
  about: { zh: string; en: string };
  schedule: JobSchedule;
  run(ctx: JobContext, day: string): Promise<JobResult>;
}
