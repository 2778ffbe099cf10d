/** POST imports: the file's name and kind, the report of what was (or would be) written, and a rejected row. */
import { z } from 'zod';
import { KIND_NAMES } from '../kinds/order.ts';

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
