/** Shapes of the notification, supervision, five-problem and summary answers (type-only imports). */
import type { z } from 'zod';
import type {
  contentSchema,
  issuedSchema,
  noticeSchema,
  notificationEntrySchema,
} from '#core/contracts/notifications.schema.ts';
import type {
  evidenceSchema,
  leaderRowSchema,
  taskDetailSchema,
  taskEventSchema,
  taskPageSchema,
  taskSchema,
} from '#core/contracts/supervision.schema.ts';
import type { appealDetailSchema, appealPageSchema, appealSchema } from '#core/contracts/appeals.schema.ts';
import type { fiveProblemsSchema } from '#core/contracts/five-problems.schema.ts';
import type { OfficialDocument } from '../documents/document-view.tsx';

export type NotificationEntry = z.infer<typeof notificationEntrySchema>;
export type Draft = z.infer<typeof contentSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type Issued = z.infer<typeof issuedSchema>;
export type Task = z.infer<typeof taskSchema>;
export type TaskPage = z.infer<typeof taskPageSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type TaskEvent = z.infer<typeof taskEventSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type LeaderRow = z.infer<typeof leaderRowSchema>;
export type Appeal = z.infer<typeof appealSchema>;
export type AppealPage = z.infer<typeof appealPageSchema>;
export type AppealDetail = z.infer<typeof appealDetailSchema>;
export type FiveProblems = z.infer<typeof fiveProblemsSchema>;

/** `GET summary?format=json`: the facts (kept opaque here) and the document. */
export interface SummaryJson {
  facts: unknown;
  document: OfficialDocument;
}
