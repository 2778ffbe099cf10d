import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, dateSchema } from './common.ts';

export const fiveProblemsQuery = z
  .object({ area: areaCodeSchema, date: dateSchema.optional(), ...exportParams })
  .strict();

const measure = z.object({
  measure: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
});
const five = z.object({
  people: measure,
  premises: measure,
  working: measure,
  assessment: measure,
  retention: measure.extend({ turnover: measure }),
});
const windowSchema = z.object({ from: z.string(), to: z.string() });

export const fiveProblemsSchema = z.object({
  area: z.object({ code: z.string(), name: z.string() }),
  date: z.string(),
  records_window: windowSchema,
  turnover_window: windowSchema,
  problems: five,
  children: z.array(z.object({ code: z.string(), name: z.string(), problems: five })),
});
