/** GET funds: construction funds allocated to and paid out in an area's subtree, in yuan. */
import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, dateSchema, page, pageQuery } from './common.ts';

export const fundsQuery = z
  .object({
    area: areaCodeSchema,
    kind: z.enum(['allocation', 'disbursement']).optional(),
    until: dateSchema.optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();
export type FundsQuery = z.infer<typeof fundsQuery>;

export const fundSchema = z.object({
  ref: z.string(),
  kind: z.string(),
  date: z.string(),
  recipient_code: z.string(),
  recipient_name: z.string().nullable(),
  amount: z.number(),
  purpose: z.string().nullable(),
});
export const fundsSchema = page(fundSchema).extend({ allocated: z.number(), disbursed: z.number() });
export type FundsPage = z.infer<typeof fundsSchema>;
