/** `GET work`: an officer's own work, the page it lands on (API and web alike). */
import { z } from 'zod';
import { monthSchema } from './common.ts';
import { indicatorResultSchema } from './assessment.schema.ts';
import { completenessFigures } from './completeness.schema.ts';

export const workQuery = z.object({ month: monthSchema.optional() }).strict();

const named = z.object({ code: z.string(), name: z.string() });

export const workSchema = z.object({
  badge: z.string(),
  name: z.string(),
  role: z.string(),
  /** The month shown: the one asked for, else the current month. */
  month: z.string(),
  /** The unit of the posting that contains today (else the latest), with its area. */
  unit: z
    .object({ code: z.string(), name: z.string(), type: z.string(), area_code: z.string(), area_name: z.string() })
    .nullable(),
  /** The villages (communities) the unit covers, by name: what a visit is recorded at. */
  covers: z.array(named),
  /** The unit's patrol teams (patrol logs). */
  patrols: z.array(named),
  /** The officer scheme's figures of the month, each with its sample and how it is scored. */
  scheme: z.object({
    version: z.number(),
    composite: z.number(),
    indicators: z.array(
      indicatorResultSchema.extend({
        name: z.string(),
        small_sample: z.boolean(),
        weight: z.number(),
        floor: z.number(),
        target: z.number(),
        better: z.enum(['higher', 'lower']),
      }),
    ),
  }),
  /** The officer's records of the month, by kind. */
  counts: z.object({ visits: z.number(), info_reports: z.number(), familiarity_checks: z.number() }),
  /** Whether its unit (a room) reports in the month, and by when (SPEC §5); null for a unit that is not an open room. */
  reporting: completenessFigures.extend({ deadline: z.string() }).nullable(),
  /** Its latest records, newest received first. */
  recent: z.array(
    z.object({
      kind: z.enum(['visits', 'info_reports', 'familiarity_checks']),
      key: z.string(),
      date: z.string(),
      received_at: z.string().nullable(),
      detail: z.string(),
    }),
  ),
});
export type Work = z.infer<typeof workSchema>;
