import { z } from 'zod';
import { areaCodeSchema, monthSchema, schemeNameSchema } from '../../shared/schemas.ts';

export const indicatorsQuery = z.object({ month: monthSchema, area: areaCodeSchema, scheme: schemeNameSchema }).strict();
export const rankingsQuery = z.object({ month: monthSchema, within: areaCodeSchema, scheme: schemeNameSchema }).strict();

export const indicatorResultSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  score: z.number(),
  no_data: z.boolean(),
});

export const indicatorsSchema = z.object({
  area: z.string(),
  month: z.string(),
  scheme: schemeNameSchema,
  composite: z.number(),
  indicators: z.record(z.string(), indicatorResultSchema),
});

export const rankingRowSchema = z.object({
  rank: z.number(),
  code: z.string(),
  name: z.string(),
  composite: z.number(),
  lagging: z.boolean(),
  problems: z.array(z.string()),
  previous_rank: z.number().nullable(),
  rank_change: z.number().nullable(),
  composite_change: z.number().nullable(),
});
export const rankingsSchema = z.array(rankingRowSchema);
