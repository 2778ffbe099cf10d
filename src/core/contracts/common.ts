/**
 * zod pieces shared by every module's schemas (API, CLI and web alike). A schema's own refusal
 * names a registered error code as its message (#core/errors/field-issues.ts), so that its
 * text comes from the registry in either language.
 */
import { z } from 'zod';

export const areaCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected_area_code');
export const codeSchema = z.string().regex(/^[A-Za-z0-9._/-]{1,64}$/, 'expected_code');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected_month');
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected_date')
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'expected_calendar_day',
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
    category: z.string(),
    message: z.string(),
    params: z.record(z.string(), z.unknown()),
    details: z.array(z.unknown()),
    /** Names the request on the server's log lines (the X-Request-Id header too). */
    request_id: z.string(),
  }),
});
