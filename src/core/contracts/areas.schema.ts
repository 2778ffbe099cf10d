import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, page, pageQuery } from './common.ts';

export const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parent_code: z.string().nullable(),
  urban_rural: z.string().nullable(),
});
export const areaDetailSchema = areaSchema.extend({
  path: z.array(areaSchema.pick({ code: true, name: true, level: true })),
  children: z.number(),
});
export const areasQuery = z
  .object({
    q: z.string().trim().min(1).max(64).optional(),
    parent: areaCodeSchema.optional(),
    level: z.enum(['province', 'city', 'county', 'township', 'village']).optional(),
    within: areaCodeSchema.optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();
export const areaParams = z.object({ code: areaCodeSchema }).strict();
export const areaPage = page(areaSchema);
export type Area = z.infer<typeof areaSchema>;
