/** Schemas of the proposals endpoints, shared by the API and the CLI. */
import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, monthSchema } from './common.ts';
import { PROPOSAL_ID } from '../rewards/proposal-id.ts';

export const proposalsQuery = z
  .object({
    month: monthSchema,
    within: areaCodeSchema,
    status: z.enum(['proposed', 'approved', 'rejected']).optional(),
    ...exportParams,
  })
  .strict();
export const proposalParams = z.object({ id: z.string().regex(PROPOSAL_ID, 'expected_proposal_id') }).strict();
export const decisionBody = z
  .object({ decision: z.enum(['approved', 'rejected']), note: z.string().max(1000).optional() })
  .strict();

const thresholds = z.object({
  commendation: z.number(),
  criticism: z.number(),
  interview: z.number(),
  interview_months: z.number(),
});

export const proposalSchema = z.object({
  id: z.string(),
  month: z.string(),
  within: z.string(),
  scheme: z.enum(['performance', 'construction', 'officer']),
  subject_kind: z.enum(['area', 'officer']),
  code: z.string(),
  name: z.string(),
  measure: z.enum(['commendation', 'criticism', 'interview']),
  status: z.enum(['proposed', 'approved', 'rejected']),
  current: z.boolean(),
  figures: z.object({
    composite: z.number(),
    rank: z.number(),
    ranked: z.number(),
    lagging: z.boolean(),
    problems: z.array(z.string()),
    indicators: z.record(
      z.string(),
      z.object({ value: z.number().nullable(), score: z.number(), no_data: z.boolean() }),
    ),
    history: z.array(z.object({ month: z.string(), composite: z.number() })),
    thresholds,
    scheme_version: z.number(),
  }),
  decision: z
    .object({
      note: z.string().nullable(),
      decided_at: z.string(),
      decided_by: z.string(),
      /** The decider as people read it (display name, else username). */
      decided_by_name: z.string(),
    })
    .nullable(),
});
export const proposalsSchema = z.array(proposalSchema);
