/** One zod schema per endpoint of the schemes module, shared by the API and the CLI. */
import { z } from 'zod';
import { anySchemeNameSchema, yearSchema } from './common.ts';

export { yearSchema };

export const schemesQuery = z.object({ year: yearSchema }).strict();
export const schemeParams = z.object({ name: anySchemeNameSchema }).strict();

const settings = z
  .object({
    weight: z.number().finite(),
    floor: z.number().finite(),
    target: z.number().finite(),
    better: z.enum(['higher', 'lower']),
    /** The fewest cases a figure may rest on before it is marked a small sample; null: none. */
    min_sample: z.number().finite().nullable(),
  })
  .partial()
  .strict();

/** A save: the settings given replace those in force for the year; the rest are kept. */
export const schemeBody = z
  .object({
    indicators: z.record(z.string().max(64), settings).optional(),
    thresholds: z
      .object({
        commendation: z.number().finite(),
        criticism: z.number().finite(),
        interview: z.number().finite(),
        interview_months: z.number().int(),
      })
      .partial()
      .strict()
      .optional(),
    /** Small samples make no row lag and name no problem. */
    exempt_small_samples: z.boolean().optional(),
    /** Performance: the public form's answers count in awareness and satisfaction (default: not). */
    count_online_answers: z.boolean().optional(),
    note: z.string().max(500).optional(),
  })
  .strict();
export type SchemeBody = z.infer<typeof schemeBody>;

export const schemeSchema = z.object({
  name: anySchemeNameSchema,
  year: z.number(),
  version: z.number(),
  source: z.enum(['shipped', 'saved']),
  note: z.string().nullable(),
  saved_at: z.string().nullable(),
  saved_by: z.string().nullable(),
  indicators: z.array(
    z.object({
      name: z.string(),
      weight: z.number(),
      floor: z.number(),
      target: z.number(),
      better: z.enum(['higher', 'lower']),
      scale: z.number(),
      scored: z.boolean(),
      /** Figures resting on fewer cases are marked small samples; null: no minimum. Optional for older servers. */
      min_sample: z.number().nullable().optional(),
    }),
  ),
  /** Whether small samples are kept out of lagging and problems. Optional for older servers. */
  exempt_small_samples: z.boolean().optional(),
  /** Whether the public form's answers count in awareness and satisfaction. Optional for older servers. */
  count_online_answers: z.boolean().optional(),
  thresholds: z.object({
    commendation: z.number(),
    criticism: z.number(),
    interview: z.number(),
    interview_months: z.number(),
  }),
  /** Shown beside the scheme, never scored. */
  informational: z.array(z.string()),
});
export type SchemePresented = z.infer<typeof schemeSchema>;

export const schemesSchema = z.object({ year: z.number(), schemes: z.array(schemeSchema) });
