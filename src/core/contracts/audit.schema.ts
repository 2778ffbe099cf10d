/** zod schemas of the audit log, shared by the API and the CLI. */
import { z } from 'zod';
import { page, pageQuery } from './common.ts';
import { FIRST_YEAR, LAST_YEAR, inPlausibleYears, isCalendarDay } from '../calendar/day.ts';

/** A day (`YYYY-MM-DD`, as dateSchema) or a UTC instant on such a day (`…THH:MM[:SS[.mmm]]Z`). */
const timeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'expected_utc_time')
  .refine((v) => isCalendarDay(v.slice(0, 10)), 'expected_calendar_day')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'expected_utc_time')
  .refine(inPlausibleYears, { message: 'date_out_of_range', params: { min: FIRST_YEAR, max: LAST_YEAR } });

export const auditQuery = z
  .object({
    since: timeSchema.optional(),
    until: timeSchema.optional(),
    actor: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
    ...pageQuery,
  })
  .strict();

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  via: z.string(),
  ip: z.string().nullable(),
  outcome: z.string(),
  detail: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
});
export const auditPage = page(auditEntrySchema);

export const chainSchema = z.object({
  intact: z.boolean(),
  entries: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }),
  /** The first entry hashed under the key file's audit key; those before it are SHA-256 only. */
  keyed_from: z.number().nullable(),
  broken: z.object({ id: z.number(), reason: z.string() }).optional(),
});
