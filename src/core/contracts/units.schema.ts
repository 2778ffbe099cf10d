import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, codeSchema, dateSchema, page, pageQuery } from './common.ts';

export const unitSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  area_code: z.string(),
  station_code: z.string().nullable(),
  covers: z.string().nullable(),
  status: z.string(),
  opened_on: z.string().nullable(),
  closed_on: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  address: z.string().nullable(),
  /** WGS 84, decimal degrees; both or neither. */
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
});
export const unitsQuery = z
  .object({
    type: z.enum(['bureau', 'station', 'community_room', 'rural_office']).optional(),
    status: z.enum(['planned', 'building', 'open', 'closed']).optional(),
    area: areaCodeSchema.optional(),
    q: z.string().trim().min(1).max(64).optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();
export const unitParams = z.object({ code: codeSchema }).strict();
export const unitDetailQuery = z.object({ date: dateSchema.optional() }).strict();

const postingSchema = z.object({
  badge: z.string(),
  name: z.string(),
  role: z.string(),
  start_date: z.string(),
  end_date: z.string().nullable(),
  origin: z.string(),
  phone: z.string().nullable(),
});
export const equipmentSchema = z.object({ item: z.string(), quantity: z.number(), as_of: z.string() });
export const inspectionSchema = z.object({
  date: z.string(),
  premises: z.string(),
  signage: z.string(),
  equipment: z.string(),
  staffing: z.string(),
  work_system: z.string(),
  duties: z.string(),
  records: z.string(),
});
export const patrolSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit_code: z.string(),
  kind: z.string(),
  members: z.number(),
});

export const unitDetailSchema = unitSchema.extend({
  date: z.string(),
  open: z.boolean(),
  area_name: z.string().nullable(),
  covered_areas: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
  officers: z.array(postingSchema),
  equipment: z.array(equipmentSchema.extend({ standard: z.boolean() })),
  missing_kit: z.array(z.string()),
  inspections: z.array(inspectionSchema),
  patrols: z.array(patrolSchema),
});
export const unitPage = page(unitSchema);
export type Unit = z.infer<typeof unitSchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;

/** GET patrols: patrol teams by unit, area (subtree) or kind. */
export const patrolsQuery = z
  .object({
    unit: codeSchema.optional(),
    area: areaCodeSchema.optional(),
    kind: z.enum(['full_time', 'volunteer']).optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();
export const patrolPage = page(patrolSchema);
