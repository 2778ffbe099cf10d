/** zod pieces shared by every module's schemas (API, CLI and web alike). */
import { z } from 'zod';

export const areaCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'an area code (letters, digits, - _ up to 32 characters)');
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9._/-]{1,64}$/, 'a code (letters, digits, - _ . / up to 64 characters)');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month (YYYY-MM)');
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date (YYYY-MM-DD)')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'not a day of the calendar',
  );
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
    message: z.string(),
    details: z.array(z.unknown()),
    /** Names the request on the server's log lines (the X-Request-Id header too). */
    request_id: z.string(),
  }),
});
