/** Schemas of the jobs, their runs and the schedule settings, shared by the API, the CLI and the web app. */
import { z } from 'zod';
import { dateSchema, page, pageQuery } from './common.ts';

const text = z.object({ zh: z.string(), en: z.string() });

export const runSchema = z.object({
  id: z.number(),
  job: z.string(),
  day: z.string(),
  status: z.enum(['running', 'ok', 'failed']),
  attempt: z.number(),
  trigger: z.string(),
  runner: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  events: z.number(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});
export type RunView = z.infer<typeof runSchema>;
export const runPageSchema = page(runSchema);

export const jobSchema = z.object({
  name: z.string(),
  about: text,
  /** The cron pattern in force (minute hour day month weekday), in `time_zone`. */
  pattern: z.string(),
  enabled: z.boolean(),
  time_zone: z.string(),
  next_runs: z.array(z.string()),
  last_run: runSchema.nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const runListQuery = z
  .object({ job: z.string().max(64).optional(), status: z.enum(['running', 'ok', 'failed']).optional(), ...pageQuery })
  .strict();

export const jobNameParams = z.object({ name: z.string().regex(/^[a-z0-9-]{1,64}$/, 'expected_job_name') }).strict();

export const runOutcomeSchema = z.object({
  job: z.string(),
  day: z.string(),
  status: z.enum(['ok', 'failed', 'skipped']),
  reason: z.enum(['not due', 'disabled', 'already run']).optional(),
  run_id: z.number().optional(),
  events: z.number(),
  deliveries: z.number(),
  summary: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
});

export const scheduleSettingsView = z.object({
  draft_day: z.number(),
  task_reminder_days: z.array(z.number()),
  completeness_reminder_days: z.array(z.number()),
  /** Optional only for older servers' answers. */
  period_reminder_days: z.array(z.number()).optional(),
  receipt_reminder_days: z.array(z.number()).optional(),
  escalation_step_days: z.number(),
  backup_keep: z.number(),
  backup_dir: z.string().nullable(),
  jobs: z.record(z.string(), z.object({ cron: z.string().optional(), enabled: z.boolean().optional() })),
});

/** `outpost schedule run --date D`: the day is the operator's (no HTTP route takes a client's date). */
export const runDateSchema = dateSchema;
