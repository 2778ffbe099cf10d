import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, codeSchema, dateSchema, page, pageQuery } from './common.ts';

export const postingSchema = z.object({
  badge: z.string(),
  name: z.string(),
  role: z.string(),
  unit_code: z.string(),
  unit_name: z.string().nullable(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  origin: z.string(),
  phone: z.string().nullable(),
});
export const officersQuery = z
  .object({
    unit: codeSchema.optional(),
    area: areaCodeSchema.optional(),
    role: z.enum(['community', 'resident', 'station', 'civilian']).optional(),
    on: dateSchema.optional(),
    q: z.string().trim().min(1).max(64).optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();
export const officerParams = z.object({ badge: codeSchema }).strict();
export const officerSchema = z.object({ badge: z.string(), name: z.string(), postings: z.array(postingSchema) });
export const postingPage = page(postingSchema);
