/** Schemas of the rankings of units and officers and of trends (API and CLI alike). */
import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { anySchemeNameSchema, areaCodeSchema, codeSchema, monthSchema } from './common.ts';
import { indicatorResultSchema, rankingRowSchema } from './assessment.schema.ts';
import { completenessFigures } from './completeness.schema.ts';

/**
 * Each figure a unit's or officer's row rests on: numerator, denominator (the sample size), value,
 * score, and whether it is a small sample under the scheme's minimum.
 */
export const sampledFiguresSchema = z.record(z.string(), indicatorResultSchema.extend({ small_sample: z.boolean() }));

export const unitRankingsQuery = z
  .object({
    month: monthSchema,
    within: areaCodeSchema,
    type: z.enum(['room', 'station']),
    scheme: z.literal('performance').default('performance'),
    ...exportParams,
  })
  .strict();
export const unitRankingsSchema = z.array(
  rankingRowSchema.extend({
    type: z.string(),
    area_code: z.string(),
    station_code: z.string().nullable(),
    indicators: sampledFiguresSchema,
    /** A room: whether it reported in the month (rooms 1); a station: its open rooms (SPEC §5). */
    completeness: completenessFigures.nullable(),
  }),
);

export const officerRankingsQuery = z.object({ month: monthSchema, within: areaCodeSchema, ...exportParams }).strict();
export const officerRankingsSchema = z.array(
  rankingRowSchema.extend({ unit_code: z.string(), area_code: z.string(), indicators: sampledFiguresSchema }),
);

export const trendQuery = z
  .object({
    kind: z.enum(['area', 'unit', 'officer']),
    code: codeSchema,
    scheme: anySchemeNameSchema.optional(),
    month: monthSchema,
    ...exportParams,
  })
  .strict();
export const trendSchema = z.object({
  kind: z.enum(['area', 'unit', 'officer']),
  code: z.string(),
  name: z.string(),
  scheme: anySchemeNameSchema,
  points: z.array(
    z.object({
      month: z.string(),
      scheme_version: z.number(),
      composite: z.number(),
      indicators: z.record(z.string(), z.number().nullable()),
    }),
  ),
});

export const informationalQuery = z
  .object({ month: monthSchema, kind: z.enum(['area', 'unit']).default('area'), code: codeSchema, ...exportParams })
  .strict();
const informationalFigures = z.record(
  z.string(),
  z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() }),
);
export const informationalSchema = z.object({
  kind: z.enum(['area', 'unit']),
  code: z.string(),
  month: z.string(),
  name: z.string(),
  /** visits_per_officer, households_visited_share, info_adopted_share: shown apart, never scored. */
  figures: informationalFigures,
  /** An area's children with theirs (none for a unit). */
  children: z.array(z.object({ code: z.string(), name: z.string(), figures: informationalFigures })),
});
