import { z } from 'zod';
import { areaCodeSchema, dateSchema, monthSchema, nameText } from './common.ts';
import { DOCUMENT_FORMATS } from '../documents/document.ts';
import { shownName } from '../accounts/shown-name.ts';

export const langSchema = z.enum(['zh', 'en']);
export const noticeFormatSchema = z.enum(DOCUMENT_FORMATS);

/** A draft: which area's children, which month, in which language, dated when. */
export const previewQuery = z
  .object({
    area: areaCodeSchema,
    month: monthSchema,
    lang: langSchema.default('zh'),
    /** The document's date (default: today, or the month's last day while the month is not over). */
    date: dateSchema.optional(),
    /** `json` answers the document model itself. */
    format: z.enum([...DOCUMENT_FORMATS, 'json']).default('html'),
  })
  .strict();

export const issueBody = z
  .object({
    area: areaCodeSchema,
    month: monthSchema,
    lang: langSchema.default('zh'),
    date: dateSchema.optional(),
    /** By when the notified problems are rectified (default: the date plus the setting's days); after the date. */
    deadline: dateSchema.optional(),
    /** Who signed the notice for issue (签发人), printed beside its number. */
    signer: nameText(100).optional(),
    /** The number of the standing notice this one corrects. */
    corrects: z.string().trim().min(1).max(100).optional(),
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .refine((b) => !b.corrects || b.reason, { message: 'correction_reason_required', path: ['reason'] });

export const archiveQuery = z.object({ area: areaCodeSchema.optional(), month: monthSchema.optional() }).strict();
export const noticeParams = z.object({ id: z.coerce.number().int().positive() }).strict();
export const noticeQuery = z.object({ format: z.enum([...DOCUMENT_FORMATS, 'json']).default('json') }).strict();

export const notificationEntrySchema = z.object({
  id: z.number(),
  area_code: z.string(),
  area_name: z.string().nullable(),
  month: z.string(),
  lang: z.string(),
  number: z.string(),
  title: z.string(),
  issued_on: z.string(),
  issued_at: z.string(),
  issued_by: z.string(),
  /** Who issued it as people read it: the account's display name, else its username. */
  issued_by_name: z.string(),
  content_hash: z.string(),
  corrects: z.string().nullable(),
  correction_reason: z.string().nullable(),
  superseded_by: z.string().nullable(),
});
export type NotificationEntryView = z.infer<typeof notificationEntrySchema>;

const cell = z.union([z.string(), z.number(), z.null()]);
const block = z.union([
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({
    type: z.literal('table'),
    id: z.string(),
    caption: z.string(),
    columns: z.array(z.object({ label: z.string(), format: z.string() })),
    rows: z.array(z.array(cell)),
  }),
  z.object({
    type: z.literal('figure'),
    id: z.string(),
    caption: z.string(),
    svg: z.string(),
    width: z.number(),
    height: z.number(),
  }),
]);
export const documentSchema = z.object({
  lang: langSchema,
  draft: z.boolean(),
  head: z.object({ mark: z.string(), number: z.string().nullable(), signer: z.string().optional() }).optional(),
  title: z.string(),
  recipients: z.string().optional(),
  blocks: z.array(block),
  signature: z.object({ issuer: z.string(), date: z.string() }).optional(),
  record: z.object({ copyTo: z.array(z.string()), printer: z.string(), printed: z.string() }).optional(),
});

export const problemSchema = z.object({
  scheme: z.string(),
  area_code: z.string(),
  area_name: z.string(),
  rank: z.number(),
  composite: z.number(),
  indicator: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  score: z.number().nullable(),
  streak: z.number(),
});

export const contentSchema = z.object({ document: documentSchema, problems: z.array(problemSchema) });
export const issuedSchema = z.object({
  notification: notificationEntrySchema,
  tasks: z.object({ opened: z.number(), carried: z.number(), withdrawn: z.number() }),
});
export const noticeSchema = z.object({ notification: notificationEntrySchema, content: contentSchema });

/** An archive entry as shown: numbers as numbers, internal columns left out. */
export function presentEntry(e: {
  id: number;
  area_code: string;
  area_name: string | null;
  month: string;
  lang: string;
  number: string;
  title: string;
  issued_on: string;
  issued_at: string;
  issued_by: string;
  issuer_display_name?: string | null;
  content_hash: string;
  corrects: string | null;
  correction_reason: string | null;
  superseded_by: string | null;
}): NotificationEntryView {
  return {
    id: Number(e.id),
    area_code: e.area_code,
    area_name: e.area_name,
    month: e.month,
    lang: e.lang,
    number: e.number,
    title: e.title,
    issued_on: e.issued_on,
    issued_at: e.issued_at,
    issued_by: e.issued_by,
    issued_by_name: e.issuer_display_name || shownName(e.issued_by, new Map()),
    content_hash: e.content_hash,
    corrects: e.corrects,
    correction_reason: e.correction_reason,
    superseded_by: e.superseded_by,
  };
}
