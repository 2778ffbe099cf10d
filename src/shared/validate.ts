import type { z } from 'zod';
import { fieldDetail, fieldIssue, valueAt } from '#core/errors/field-issues.ts';
import { AppError } from './errors.ts';

/**
 * Validates input with a shared schema, turning zod's issues into one `invalid_input` error
 * whose issues name the CLI's options (`--month: a month (YYYY-MM)`).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const paths = result.error.issues.map((i) => i.path.join('.'));
  const issues = result.error.issues.map((i, n) =>
    fieldIssue(i, paths[n] ? `--${paths[n]}` : '', valueAt(input, i.path)),
  );
  throw new AppError(
    'invalid_input',
    { issues },
    issues.map((issue, n) => fieldDetail(issue, paths[n])),
  );
}
