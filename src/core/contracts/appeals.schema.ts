/** Appeals (申诉) of a ranked area against its score in an issued notice: requests and answers. */
import { z } from 'zod';
import { areaCodeSchema, page, pageQuery } from './common.ts';
import { evidenceSchema } from './supervision.schema.ts';

export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;

export const appealBody = z
  .object({
    notification: z.number().int().positive(),
    area: areaCodeSchema,
    reason: z.string().trim().min(1).max(4000),
  })
  .strict();
export const appealDecisionBody = z
  .object({ decision: z.enum(APPEAL_DECISIONS), reason: z.string().trim().min(1).max(4000) })
  .strict();
export const appealIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();
export const appealListQuery = z
  .object({
    notification: z.coerce.number().int().positive().optional(),
    area: areaCodeSchema.optional(),
    status: z.enum(APPEAL_STATUSES).optional(),
    ...pageQuery,
  })
  .strict();

/** One step from an upheld appeal to the correction notice that closes it, with where it is done. */
export const appealStepSchema = z.object({
  step: z.enum(['unlock', 'correct', 'relock', 'correction']),
  done: z.boolean(),
  link: z.string(),
});

export const appealSchema = z.object({
  id: z.number(),
  notification: z.object({ id: z.number(), number: z.string(), area: z.string(), issued_on: z.string() }),
  area: z.object({ code: z.string(), name: z.string().nullable() }),
  month: z.string(),
  reason: z.string(),
  status: z.enum(APPEAL_STATUSES),
  filed_at: z.string(),
  filed_by: z.string(),
  /** Who filed and who decided, as people read them (display name, else username). */
  filed_by_name: z.string(),
  decided_at: z.string().nullable(),
  decided_by: z.string().nullable(),
  decided_by_name: z.string().nullable(),
  decision_reason: z.string().nullable(),
  /** The correction notice that closed an upheld appeal. */
  correction: z.object({ id: z.number(), number: z.string() }).nullable(),
});
export type AppealView = z.infer<typeof appealSchema>;
export const appealDetailSchema = appealSchema.extend({
  /** The last day to appeal the notice (its issue date plus the settings' appeal_days). */
  appeal_until: z.string(),
  steps: z.array(appealStepSchema),
  evidence: z.array(evidenceSchema),
});
export type AppealDetail = z.infer<typeof appealDetailSchema>;
export const appealPageSchema = page(appealSchema);
