import { z } from 'zod';
import { exportParams } from '../exports/export-table.ts';
import { areaCodeSchema, dateSchema, monthSchema, nameText, page, pageQuery, schemeNameSchema } from './common.ts';
import { SETTABLE_STATUSES, TASK_STATUSES } from '../supervision/task-status.ts';

export const taskListQuery = z
  .object({
    area: areaCodeSchema.optional(),
    issuing_area: areaCodeSchema.optional(),
    status: z.enum(TASK_STATUSES).optional(),
    notification: z.coerce.number().int().positive().optional(),
    month: monthSchema.optional(),
    /** `true`: only tasks overdue on `date`. */
    overdue: z.enum(['true', 'false']).optional(),
    /** The day overdue is judged on (default today). */
    date: dateSchema.optional(),
    ...pageQuery,
    ...exportParams,
  })
  .strict();

export const taskIdParams = z.object({ id: z.coerce.number().int().positive() }).strict();
/** The day a task's overdue days are counted on (default today): a view, never a status date. */
export const taskDetailQuery = z.object({ date: dateSchema.optional() }).strict();

/**
 * A status dated before today: only a province-wide account (an admin, the operator's CLI) may,
 * with the reason, which the audit log keeps. Any other status is dated by the server's clock.
 */
export const backdateSchema = z.object({ date: dateSchema, reason: z.string().trim().min(1).max(500) }).strict();
export type Backdate = z.infer<typeof backdateSchema>;
export const evidenceParams = taskIdParams.extend({ evidence: z.coerce.number().int().positive() }).strict();

export const statusBody = z
  .object({
    status: z.enum(SETTABLE_STATUSES),
    comment: z.string().trim().min(1).max(4000).optional(),
    backdate: backdateSchema.optional(),
  })
  .strict();
/** Bulk assignment: these tasks get the leader registered for the area `leader`. */
export const assignBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(500),
    leader: areaCodeSchema,
  })
  .strict();
export const assignResultSchema = z.object({
  assigned: z.number(),
  leader: z.object({ area: z.string(), name: z.string(), title: z.string() }),
});
export const commentBody = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
export const evidenceQuery = z.object({ name: nameText(200) }).strict();

const leaderSchema = z.object({ name: z.string(), title: z.string(), phone: z.string().nullable() });

/** One problem a task lists, with the web path of its explanation (how the figure is made). */
export const taskIndicatorSchema = z.object({
  scheme: schemeNameSchema,
  indicator: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  streak: z.number(),
  explain: z.string(),
});
export type TaskIndicatorView = z.infer<typeof taskIndicatorSchema>;

export const taskSchema = z.object({
  id: z.number(),
  notification: z.object({ id: z.number(), number: z.string(), issuing_area: z.string() }),
  area: z.object({ code: z.string(), name: z.string().nullable() }),
  month: z.string(),
  scheme: schemeNameSchema,
  /** The first problem the task lists (its only one when tasks are per indicator). */
  indicator: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** Every problem the task lists, in the notice's order. */
  indicators: z.array(taskIndicatorSchema),
  /** The web path of the area's figures for the month. */
  figures: z.string(),
  /** Consecutive months the area has had this problem (the longest of its problems); 2 or more is a repeat. */
  streak: z.number(),
  repeat: z.boolean(),
  previous_task_id: z.number().nullable(),
  leader: leaderSchema.nullable(),
  deadline: z.string(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  days_overdue: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type TaskView = z.infer<typeof taskSchema>;

export const taskEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  /** The actor as people read it (display name, else username). */
  actor_name: z.string(),
  kind: z.string(),
  from_status: z.string().nullable(),
  to_status: z.string().nullable(),
  body: z.string().nullable(),
  /** The notification a system event names (created from, carried to, withdrawn by). */
  notice: z.string().nullable(),
  /** The file an evidence event attached. */
  file: z.object({ name: z.string(), size: z.number() }).nullable(),
});

export const evidenceSchema = z.object({
  id: z.number(),
  file_name: z.string(),
  sha256: z.string(),
  size: z.number(),
  content_type: z.string(),
  uploaded_at: z.string(),
  uploaded_by: z.string(),
  uploaded_by_name: z.string(),
});
export type EvidenceView = z.infer<typeof evidenceSchema>;

export const taskDetailSchema = taskSchema.extend({
  /** Who marked it rectified last (verifying needs another account), or null. */
  rectified_by: z.string().nullable(),
  events: z.array(taskEventSchema),
  evidence: z.array(evidenceSchema),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export const taskPageSchema = page(taskSchema);
export type TaskPage = z.infer<typeof taskPageSchema>;

export const leaderBody = z
  .object({
    name: nameText(100),
    title: nameText(100),
    phone: z.string().trim().max(40).nullable().optional(),
  })
  .strict();
export const leaderParams = z.object({ area: areaCodeSchema }).strict();
export const leadersQuery = z.object({ area: areaCodeSchema.optional(), ...pageQuery }).strict();
export const leaderRowSchema = z.object({
  area_code: z.string(),
  area_name: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  phone: z.string().nullable(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export const leaderPageSchema = page(leaderRowSchema);
