import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Validates input with a shared schema, turning zod's issues into one invalid_input error. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError(
    'invalid_input',
    details.map((d) => `${d.path ? `--${d.path}: ` : ''}${d.message}`).join('; '),
    details,
  );
}
