import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { anySchemeNameSchema, areaCodeSchema, monthSchema, pageQuery, schemeNameSchema } from './common.ts';
import { completenessFigures } from './completeness.schema.ts';

export const indicatorsQuery = z
  .object({ month: monthSchema, area: areaCodeSchema, scheme: schemeNameSchema })
  .strict();
export const rankingsQuery = z
  .object({ month: monthSchema, within: areaCodeSchema, scheme: schemeNameSchema, ...exportParams })
  .strict();

export const indicatorResultSchema = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  score: z.number(),
  no_data: z.boolean(),
});

const fraction = z.object({ numerator: z.number(), denominator: z.number(), value: z.number().nullable() });
export const onlineAnswersSchema = z.object({
  answers: z.number(),
  awareness: fraction,
  satisfaction: fraction,
  counted: z.boolean(),
});

export const indicatorsSchema = z.object({
  area: z.string(),
  month: z.string(),
  scheme: schemeNameSchema,
  /** The version of the scheme scored with (0: shipped). Optional only for older clients' fixtures. */
  scheme_version: z.number().optional(),
  composite: z.number(),
  indicators: z.record(z.string(), indicatorResultSchema),
  /**
   * Performance: the answers of the public survey form in the month, their own figure beside
   * awareness and satisfaction; `counted`: whether the year's scheme counts them in those rates.
   */
  online_answers: onlineAnswersSchema.optional(),
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
  /** Indicators whose figure rests on fewer cases than the scheme's minimum sample. Optional for older servers. */
  small_samples: z.array(z.string()).optional(),
});
/** GET rankings: SPEC §4's rows, each with its area's completeness in the month (SPEC §5). */
export const rankingsSchema = z.array(rankingRowSchema.extend({ completeness: completenessFigures.optional() }));

export const explainQuery = z
  .object({
    month: monthSchema,
    area: areaCodeSchema,
    scheme: schemeNameSchema,
    indicator: z.string().min(1).max(64),
    ...exportParams,
  })
  .strict();
const figureSchema = z.object({ numerator: z.number(), denominator: z.number() });
export const explainSchema = z.object({
  indicator: z.string(),
  area: z.string(),
  month: z.string(),
  scheme: schemeNameSchema,
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  own: figureSchema,
  children: z.array(figureSchema.extend({ code: z.string(), name: z.string() })),
  /** Awareness and satisfaction: the public form's answers beside the figure (counted in it or not). */
  online: onlineAnswersSchema.optional(),
});

export const previewQuery = z.object({ month: monthSchema, within: areaCodeSchema }).strict();
const indicatorSettings = z
  .object({
    weight: z.number().min(0).max(1000),
    floor: z.number().finite(),
    target: z.number().finite(),
    better: z.enum(['higher', 'lower']),
    min_sample: z.number().finite().positive().nullable().optional(),
  })
  .strict()
  .refine((i) => i.floor !== i.target, { message: 'floor_equals_target' })
  .refine((i) => (i.better === 'higher' ? i.target > i.floor : i.target < i.floor), {
    message: 'target_worse_side',
  });
export const previewBody = z
  .object({
    scheme: anySchemeNameSchema,
    indicators: z.record(z.string(), indicatorSettings),
    exempt_small_samples: z.boolean().optional(),
    count_online_answers: z.boolean().optional(),
  })
  .strict();
/** The rows of `GET rankings`, or of `GET rankings/officers` (with unit and area) for the officer scheme. */
export const previewSchema = z.array(
  rankingRowSchema.extend({
    unit_code: z.string().optional(),
    area_code: z.string().optional(),
    completeness: completenessFigures.optional(),
    indicators: z.record(z.string(), indicatorResultSchema.extend({ small_sample: z.boolean() })).optional(),
  }),
);

export const explainRecordsQuery = z
  .object({
    month: monthSchema,
    area: areaCodeSchema,
    scheme: schemeNameSchema,
    indicator: z.string().min(1).max(64),
    ...pageQuery,
  })
  .strict();
export const explainRecordsSchema = z.object({
  indicator: z.string(),
  area: z.string(),
  month: z.string(),
  scheme: schemeNameSchema,
  own: figureSchema,
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(
    z.object({
      kind: z.string(),
      key: z.string(),
      date: z.string().nullable(),
      numerator: z.number(),
      denominator: z.number(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    }),
  ),
});
