/** zod schemas of a notice's receipts (签收) and reminders (催办), shared by the API, CLI and web. */
import { z } from 'zod';
import { areaCodeSchema } from './common.ts';

export const receiptParams = z.object({ id: z.coerce.number().int().positive(), area: areaCodeSchema }).strict();
export const reminderBody = z.object({ areas: z.array(areaCodeSchema).min(1).max(200) }).strict();

export const receiptSchema = z.object({
  area: z.string(),
  area_name: z.string().nullable(),
  signed: z.boolean(),
  /** Who signed, as people read it (display name, else username). */
  signed_by: z.string().nullable(),
  signed_at: z.string().nullable(),
  reminders: z.number(),
  reminded_on: z.string().nullable(),
});
export type ReceiptView = z.infer<typeof receiptSchema>;

export const noticeEventSchema = z.object({
  action: z.enum(['issue', 'sign', 'remind']),
  areas: z.array(z.string()),
  /** Who acted, as people read it. */
  by: z.string(),
  at: z.string(),
});

/** A notice's receipts, whether the actor may sign one or chase them, and its history. */
export const receiptsSchema = z.object({
  id: z.number(),
  number: z.string(),
  area: z.string(),
  month: z.string(),
  superseded: z.boolean(),
  receipts: z.array(receiptSchema),
  /** The receiving area the signed-in account may sign for, when it has one unsigned. */
  can_sign: z.string().nullable(),
  /** Whether the account may chase unsigned receipts (the issuing level). */
  can_remind: z.boolean(),
  history: z.array(noticeEventSchema),
});
export type ReceiptsView = z.infer<typeof receiptsSchema>;
export const remindedSchema = z.object({ reminded: z.array(z.string()), events: z.number() });
