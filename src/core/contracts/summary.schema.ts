import { z } from 'zod';
import { areaCodeSchema, dateSchema, yearSchema } from './common.ts';
import { DOCUMENT_FORMATS } from '../documents/document.ts';

export const summaryQuery = z
  .object({
    area: areaCodeSchema,
    year: yearSchema,
    lang: z.enum(['zh', 'en']).default('zh'),
    /** The document's date (default: today, or the year's last day while the year is not over). */
    date: dateSchema.optional(),
    /** md or docx as SPEC §4 names them; pdf and html too; json: the facts and the document model. */
    format: z.enum([...DOCUMENT_FORMATS, 'json']).default('md'),
  })
  .strict();
