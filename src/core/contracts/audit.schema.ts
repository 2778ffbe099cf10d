/** zod schemas of the audit log, shared by the API and the CLI. */
import { z } from 'zod';
import { dateSchema, page, pageQuery } from './common.ts';

const timeSchema = z.union([dateSchema, z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'expected_utc_time')]);

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
  broken: z.object({ id: z.number(), reason: z.string() }).optional(),
});
