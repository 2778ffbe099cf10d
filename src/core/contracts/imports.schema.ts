/** POST imports: the file's name and kind, the report of what was (or would be) written, and a rejected row. */
import { z } from 'zod';
import { KIND_NAMES } from '../kinds/order.ts';
import { UPLOAD_CAP } from '../imports/upload-limits.ts';

export const importUploadQuery = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .describe('the file’s own name, e.g. surveys-2019-06.csv.gz or all.xlsx: it says the kind and the format'),
    kind: z
      .enum(KIND_NAMES as [string, ...string[]])
      .optional()
      .describe('the kind of a file (or sheet) whose name is no kind'),
    dry_run: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const importReportSchema = z.object({
  /** The import job underneath (GET imports/{id}); a dry run's is confirmed by it. */
  job_id: z.number(),
  import_id: z.number().nullable(),
  dry_run: z.boolean(),
  /** Rows added or replaced (a dry run: would be). */
  written: z.number(),
  kinds: z.array(
    z.object({ kind: z.string(), rows: z.number(), added: z.number(), replaced: z.number(), unchanged: z.number() }),
  ),
});
export type ImportReportBody = z.infer<typeof importReportSchema>;

/**
 * One rejected place in an import, as `details` of an `import_rejected` error carry it
 * (`units.csv:41: station_code: no station S2201 exists`), with its registered code and
 * parameters: the error registry's own type (../errors/row-error.ts).
 */
export type { RowError } from '../errors/row-error.ts';

export const importJobParams = z.object({ id: z.coerce.number().int().positive() }).strict();

/** GET imports/{id}: an import job's phase, its place in the write queue, rows, report and refusal. */
export const importJobSchema = z.object({
  id: z.number(),
  /** queued, checking, checked, writing, done, rejected, failed, cancelled, expired */
  phase: z.enum(['queued', 'checking', 'checked', 'writing', 'done', 'rejected', 'failed', 'cancelled', 'expired']),
  /** While queued: 1 for the next to run. */
  place: z.number().nullable(),
  name: z.string(),
  dry_run: z.boolean(),
  /** Rows of the finished report. */
  rows: z.number().nullable(),
  /** While it runs: rows read and checked by their own rules so far (null before it reads). */
  rows_read: z.number().nullable(),
  /** While it runs: how much of the file is read, 0 to 1 (null where the reader cannot tell: XLSX). */
  share_read: z.number().nullable(),
  report: importReportSchema.omit({ job_id: true }).nullable(),
  error: z.object({ code: z.string(), params: z.unknown(), details: z.array(z.unknown()) }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  expires_at: z.string().nullable(),
});
export type ImportJobBody = z.infer<typeof importJobSchema>;

const MIB = 1024 * 1024;

/**
 * The imports settings (GET/PUT imports/settings, `outpost imports settings`): the most an
 * officer's and a manager's upload may unpack to, in bytes, and the minutes a checked import
 * job waits for its confirmation before it expires.
 */
export const importSettingsSchema = z
  .object({
    officer_unpacked_max: z.number().int().min(MIB).max(UPLOAD_CAP),
    manager_unpacked_max: z.number().int().min(MIB).max(UPLOAD_CAP),
    confirm_minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();
export const importSettingsPatch = importSettingsSchema.partial();
export type ImportSettings = z.infer<typeof importSettingsSchema>;
