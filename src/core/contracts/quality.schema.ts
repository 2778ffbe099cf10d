/** Schemas of the data-quality report, shared by the API and the CLI. */
import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, monthSchema } from './common.ts';

/** The lists of the report, each exported as a table of its own. */
export const QUALITY_LISTS = [
  'unplaced',
  'empty_surveys',
  'villages_without_surveys',
  'identical_answers',
  'busy_days',
  'jumps',
] as const;

export const qualityQuery = z
  .object({
    month: monthSchema,
    area: areaCodeSchema,
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    ...exportParams,
    /** The list a file holds (every item of it, whatever the limit). */
    list: z.enum(QUALITY_LISTS).default('unplaced'),
  })
  .strict();

const listed = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item) });
const channel = z.object({
  surveys: z.number(),
  knows_answered: z.number(),
  knows_yes: z.number(),
  satisfaction_answered: z.number(),
  satisfied: z.number(),
});
const observed = z.object({ value: z.number(), denominator: z.number() });

export const qualitySchema = z.object({
  area: z.string(),
  month: z.string(),
  limits: z.object({
    identical_min_answers: z.number(),
    max_visits_per_day: z.number(),
    jump_factor: z.number(),
    jump_min_denominator: z.number(),
  }),
  unplaced: listed(z.object({ kind: z.string(), key: z.string(), date: z.string(), badge: z.string() })),
  empty_surveys: listed(
    z.object({ ref: z.string(), date: z.string(), area_code: z.string(), channel: z.string().nullable() }),
  ),
  villages_without_surveys: listed(z.object({ code: z.string(), name: z.string() })).extend({ villages: z.number() }),
  online_surveys: z.object({ online: channel, other: channel, past_cap: z.number() }),
  implausible: z.object({
    identical_answers: listed(
      z.object({ unit_code: z.string(), name: z.string(), answers: z.number(), sample: z.string() }),
    ),
    busy_days: listed(z.object({ badge: z.string(), date: z.string(), visits: z.number() })),
    jumps: listed(
      z.object({
        area: z.string(),
        name: z.string(),
        scheme: z.enum(['performance', 'construction']),
        indicator: z.string(),
        direction: z.enum(['up', 'down']),
        previous: observed,
        current: observed,
      }),
    ),
  }),
});
