/**
 * Schedule settings, stored as data (the `settings` row `schedule`) over defaults held here: the
 * day of the month the draft notification is announced, how many days before a task's deadline
 * its reminders go, how often an overdue task climbs a level, where nightly backups go and how
 * many are kept, and per job a cron pattern replacing its own or `enabled: false`.
 *
 * @example (await loadScheduleSettings(db.kysely)).draft_day // 5
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, coded } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import { readSetting, writeSetting } from '../notifications/notifications.repository.ts';
import { patternError } from './cron-pattern.ts';

const KEY = 'schedule';

const cronSchema = z
  .string()
  .max(100)
  .superRefine((p, ctx) => {
    const detail = patternError(p);
    if (detail) ctx.addIssue({ code: 'custom', message: 'cron_invalid', params: { pattern: p, detail } });
  });

export const scheduleSettingsSchema = z
  .object({
    /** The day of month M+1 on which the draft notification of M is announced (SPEC §5). */
    draft_day: z.number().int().min(1).max(28),
    /** Reminders go this many days before a supervision task's deadline. */
    task_reminder_days: z.array(z.number().int().min(1).max(60)).max(5),
    /** Reminders of rooms not yet reporting go this many days before the reporting deadline (completeness). */
    completeness_reminder_days: z.array(z.number().int().min(1).max(27)).max(5),
    /** Period reminders go this many days before the submission and approval deadlines (periods settings). */
    period_reminder_days: z.array(z.number().int().min(1).max(27)).max(5),
    /** Receiving areas that have not signed for a notice (签收) are chased this many days after its issue. */
    receipt_reminder_days: z.array(z.number().int().min(1).max(60)).max(5),
    /** An overdue task climbs one level on its first overdue day, and again every this many days. */
    escalation_step_days: z.number().int().min(1).max(90),
    /** Nightly backups kept; older ones are deleted. */
    backup_keep: z.number().int().min(1).max(365),
    /** Where nightly backups go; null: `backups/` beside a SQLite database, else ./data/backups. */
    backup_dir: z.string().min(1).max(1000).nullable(),
    jobs: z.record(z.string(), z.object({ cron: cronSchema.optional(), enabled: z.boolean().optional() }).strict()),
  })
  .strict();

export type ScheduleSettings = z.infer<typeof scheduleSettingsSchema>;
export const scheduleSettingsPatch = scheduleSettingsSchema.partial();

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  draft_day: 5,
  task_reminder_days: [3, 1],
  completeness_reminder_days: [3],
  period_reminder_days: [3, 1],
  receipt_reminder_days: [3],
  escalation_step_days: 7,
  backup_keep: 14,
  backup_dir: null,
  jobs: {},
};

export async function loadScheduleSettings(db: Kysely<DB>): Promise<ScheduleSettings> {
  const stored = await readSetting(db, KEY);
  if (stored === undefined) return DEFAULT_SCHEDULE_SETTINGS;
  try {
    return { ...DEFAULT_SCHEDULE_SETTINGS, ...scheduleSettingsPatch.parse(JSON.parse(stored)) };
  } catch (e) {
    throw new AppError('settings_corrupt', { what: 'schedule', detail: (e as Error).message });
  }
}

/** Merges `patch` (top-level keys replace; `jobs` merges by job) into the settings, checks and stores them. */
export async function updateScheduleSettings(
  db: Database,
  who: AuditActor,
  patch: unknown,
  jobNames: string[],
): Promise<ScheduleSettings> {
  const change = validate(scheduleSettingsPatch, patch);
  const unknown = Object.keys(change.jobs ?? {}).filter((j) => !jobNames.includes(j));
  if (unknown.length > 0)
    throw new AppError('invalid_input', {
      issues: [{ at: 'jobs', ...coded('job_not_found', { name: unknown.join(', '), jobs: jobNames }) }],
    });
  return db.transaction(async (tx) => {
    const current = await loadScheduleSettings(tx.kysely);
    const next = validate(scheduleSettingsSchema, { ...current, ...change, jobs: { ...current.jobs, ...change.jobs } });
    await writeSetting(tx.kysely, KEY, JSON.stringify(next), new Date().toISOString(), who.actor);
    await appendAudit(tx, who, {
      action: 'settings.update',
      target: KEY,
      detail: { keys: Object.keys(change).sort() },
    });
    return next;
  });
}
