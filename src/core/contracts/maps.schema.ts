/** The map routes' queries and answers (SPEC §5 fixes `boundaries`' FeatureCollection and `missing`). */
import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, dateSchema, monthSchema, schemeNameSchema } from './common.ts';
import { indicatorResultSchema } from './assessment.schema.ts';
import { completenessFigures } from './completeness.schema.ts';

export const boundariesQuery = z.object({ within: areaCodeSchema }).strict();

const position = z.tuple([z.number(), z.number()]);
export const boundaryFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: z.string(), name: z.string(), level: z.string() }),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
});

export const boundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  /** The area whose children these are. */
  within: z.string(),
  /** One feature per child of `within` that has a shape, in the children's order. */
  features: z.array(boundaryFeatureSchema),
  /** The codes of the children without a shape. */
  missing: z.array(z.string()),
  /** `within`'s own shape, answered only when none of its children has one (a county's townships). */
  outline: boundaryFeatureSchema.nullable(),
});

export const figuresQuery = z
  .object({ month: monthSchema, within: areaCodeSchema, scheme: schemeNameSchema, ...exportParams })
  .strict();

export const figuresRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  composite: z.number(),
  lagging: z.boolean(),
  problems: z.array(z.string()),
  indicators: z.record(z.string(), indicatorResultSchema),
  /** The child's completeness in the month (SPEC §5), as GET rankings carries it. */
  completeness: completenessFigures.optional(),
});
export const figuresSchema = z.array(figuresRowSchema);

export const roomsQuery = z.object({ within: areaCodeSchema, date: dateSchema.optional() }).strict();

export const roomPointSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['community_room', 'rural_office']),
  status: z.string(),
  /** Open on the day asked for, by its dates (SPEC §3). */
  open: z.boolean(),
  /** The township it belongs to. */
  area_code: z.string(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
});
export const roomsSchema = z.object({
  date: z.string(),
  /** Rooms of within's subtree that the account sees, with or without a point. */
  total: z.number(),
  items: z.array(roomPointSchema),
});

export type BoundaryFeature = z.infer<typeof boundaryFeatureSchema>;
export type Boundaries = z.infer<typeof boundariesSchema>;
export type FiguresRow = z.infer<typeof figuresRowSchema>;
export type RoomPoint = z.infer<typeof roomPointSchema>;
export type Rooms = z.infer<typeof roomsSchema>;
