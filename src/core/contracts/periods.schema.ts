/** Schemas of periods (SPEC §5): the actions, the board, a period's history, its revision, the settings. */
import { z } from 'zod';
import { areaCodeSchema, monthSchema, schemeNameSchema } from './common.ts';
import { indicatorResultSchema, indicatorsSchema } from './assessment.schema.ts';
import { LEVELS } from '../kinds/kind.ts';
import { chainProblem, PERIOD_ACTIONS, PERIOD_STATUSES } from '../periods/period-chain.ts';

export const periodStatusSchema = z.enum(PERIOD_STATUSES);
export const periodActionSchema = z.enum(PERIOD_ACTIONS);

export const periodActionParams = z.object({ action: periodActionSchema }).strict();

/** `POST periods/{action}`: a reason is required to unlock (checked by the use case, with its own code). */
export const periodActionBody = z
  .object({
    month: monthSchema,
    area: areaCodeSchema,
    reason: z.string().trim().max(1000).nullish(),
  })
  .strict();
export type PeriodActionBody = z.infer<typeof periodActionBody>;

export const periodsQuery = z.object({ month: monthSchema, within: areaCodeSchema }).strict();
export const periodQuery = z.object({ month: monthSchema, area: areaCodeSchema }).strict();

const progressSchema = z.object({
  open: z.number(),
  submitted: z.number(),
  approved: z.number(),
  locked: z.number(),
});

/** One row of `GET periods`: SPEC §5's area, month and status, then the board's own. */
export const periodRowSchema = z.object({
  area: z.string(),
  month: z.string(),
  status: periodStatusSchema,
  name: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  has_children: z.boolean(),
  /** The area's own stored status (a descendant of a locked area reports `locked` in `status`). */
  own_status: periodStatusSchema,
  /** The area whose lock holds this one (itself or the highest locked ancestor). */
  locked_within: z.string().nullable(),
  /** Whether this area submits the month (the lowest area at or above the submit level). */
  submits: z.boolean(),
  submitted_by: z.string().nullable(),
  submitted_at: z.string().nullable(),
  approved_by: z.string().nullable(),
  approved_at: z.string().nullable(),
  locked_by: z.string().nullable(),
  locked_at: z.string().nullable(),
  /** Who submitted, approved and locked it, as people read them (display name, else username). */
  acted_by: z.object({
    submitted: z.string().nullable(),
    approved: z.string().nullable(),
    locked: z.string().nullable(),
  }),
  /** What the period waits for next and which area is to act (null: the submitters below). */
  awaiting: z
    .object({
      action: z.enum(['submit', 'approve', 'lock']),
      by: z.string().nullable(),
      by_name: z.string().nullable(),
      count: z.number(),
    })
    .nullable(),
  /** The submissions under the area (itself when it submits) by status. */
  progress: progressSchema,
  /** What the asking account may do to this period now. */
  actions: z.array(periodActionSchema),
});
export type PeriodRow = z.infer<typeof periodRowSchema>;
export const periodsSchema = z.array(periodRowSchema);

export const periodEventSchema = z.object({
  id: z.number(),
  area: z.string(),
  month: z.string(),
  action: periodActionSchema,
  from_status: periodStatusSchema,
  to_status: periodStatusSchema,
  actor: z.string(),
  /** The actor as people read it (display name, else username). */
  actor_name: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type PeriodEventView = z.infer<typeof periodEventSchema>;
export const periodEventsSchema = z.array(periodEventSchema);

export const revisionQuery = z.object({ month: monthSchema, area: areaCodeSchema, scheme: schemeNameSchema }).strict();

const placeSchema = z.object({ rank: z.number(), composite: z.number() });

/** The frozen figures of a period beside the live recomputation ("revised"), with what differs. */
export const revisionSchema = z.object({
  area: z.string(),
  month: z.string(),
  scheme: schemeNameSchema,
  locked: z.boolean(),
  locked_within: z.string().nullable(),
  locked_at: z.string().nullable(),
  frozen: indicatorsSchema,
  revised: indicatorsSchema,
  indicators: z.array(
    z.object({
      indicator: z.string(),
      frozen: indicatorResultSchema,
      revised: indicatorResultSchema,
      changed: z.boolean(),
    }),
  ),
  /** The ranking of the area's children, frozen and revised, each area once. */
  ranking: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      frozen: placeSchema.nullable(),
      revised: placeSchema.nullable(),
      changed: z.boolean(),
    }),
  ),
  changed: z.boolean(),
});
export type RevisionView = z.infer<typeof revisionSchema>;

const levelSchema = z.enum(LEVELS);

/** Which levels take part, the deadlines reminders count down to, and whether a month may be locked early. */
export const periodSettingsSchema = z
  .object({
    submit_level: levelSchema,
    approve_level: levelSchema.nullable(),
    lock_level: levelSchema,
    /** A month may be locked before it is over (normally refused). */
    lock_before_month_end: z.boolean(),
    /** Month M is to be submitted by this day of M+1, and approved by `approve_by_day`. */
    submit_by_day: z.number().int().min(1).max(28),
    approve_by_day: z.number().int().min(1).max(28),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = chainProblem(s);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: [problem.field],
        message: 'period_chain_order',
        params: { level: problem.level, must_be_above: problem.must_be_above },
      });
    if (s.approve_by_day < s.submit_by_day)
      ctx.addIssue({ code: 'custom', path: ['approve_by_day'], message: 'period_approve_before_submit' });
  });
export type PeriodSettings = z.infer<typeof periodSettingsSchema>;
export const periodSettingsPatch = z
  .object({
    submit_level: levelSchema,
    approve_level: levelSchema.nullable(),
    lock_level: levelSchema,
    lock_before_month_end: z.boolean(),
    submit_by_day: z.number().int().min(1).max(28),
    approve_by_day: z.number().int().min(1).max(28),
  })
  .partial()
  .strict();

/** The figures an issued notification ranked against those of now. */
export const notificationRevisionSchema = z.object({
  id: z.number(),
  number: z.string(),
  area: z.string(),
  month: z.string(),
  /** The notice's areas (its area and the children ranked) whose period was locked when it was issued. */
  locked_at_issue: z.array(z.string()),
  /** False for a notice issued before its figures were kept. */
  recorded: z.boolean(),
  revised: z.boolean(),
  rows: z.array(
    z.object({
      scheme: schemeNameSchema,
      code: z.string(),
      name: z.string(),
      locked_at_issue: z.boolean(),
      issued: placeSchema.nullable(),
      now: placeSchema.nullable(),
      changed: z.boolean(),
    }),
  ),
});
export type NotificationRevisionView = z.infer<typeof notificationRevisionSchema>;
