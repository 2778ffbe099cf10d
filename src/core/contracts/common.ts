/**
 * zod pieces shared by every module's schemas (API, CLI and web alike). A schema's own refusal
 * names a registered error code as its message (#core/errors/field-issues.ts), so that its
 * text comes from the registry in either language.
 */
import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, inPlausibleYears, isCalendarDay } from '../calendar/day.ts';
import { MONTH } from '../calendar/month.ts';
import { unsafeCharIn } from '../text/names.ts';

export const areaCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected_area_code');
export const codeSchema = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/, 'expected_code');
const YEARS = { min: FIRST_YEAR, max: LAST_YEAR };

/**
 * The one month of every route and command: `YYYY-MM` within the plausible years (a notice for
 * 8967-04 is a typing slip, not a plan).
 */
export const monthSchema = z
  .string()
  .regex(MONTH, 'expected_month')
  .refine(inPlausibleYears, { message: 'month_out_of_range', params: YEARS })
  .meta({ description: 'a month, YYYY-MM' });
/** The one day of every route and command: a day of the calendar, within the plausible years. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected_date')
  .refine(isCalendarDay, 'expected_calendar_day')
  .refine(inPlausibleYears, { message: 'date_out_of_range', params: YEARS })
  .meta({ format: 'date', description: 'a calendar day, YYYY-MM-DD' });
/** A calendar year within the plausible years (a scheme's, a summary's). */
export const yearSchema = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);
/**
 * A name people give (a file, a leader, an issuing authority): trimmed, 1 to `max` characters,
 * and free of NUL and of the controls that reorder text (#core/text/names.ts).
 */
export function nameText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((v, ctx) => {
      const char = unsafeCharIn(v);
      if (char)
        ctx.addIssue({
          code: 'custom',
          message: char === 'U+0000' ? 'contains_nul' : 'reorders_text',
          params: { char },
        });
    });
}

export const schemeNameSchema = z.enum(['performance', 'construction']);
/** The area schemes and the per-officer one. */
export const anySchemeNameSchema = z.enum(['performance', 'construction', 'officer']);

/** The most rows one page of a list route answers. */
export const PAGE_MAX = 500;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number(), limit: z.number(), offset: z.number() });
}

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    category: z.string(),
    message: z.string(),
    params: z.record(z.string(), z.unknown()),
    details: z.array(z.unknown()),
    /** Names the request on the server's log lines (the X-Request-Id header too). */
    request_id: z.string(),
  }),
});
