/**
 * zod's issues as registered codes: a schema's own refusal names its code as its message
 * (`z.string().regex(MONTH, 'expected_month')`); zod's built-in kinds of issue map to codes of
 * their own with their bounds as parameters. Works on plain issue objects, so neither the web
 * nor this module needs zod itself.
 */
import { coded, isErrorCode, textOf, type CodedAs } from './registry.ts';
import type { FieldIssue, Params } from './types.ts';

/** What zod says of one problem (`ZodIssue`), or fastify's copy of it (code as `keyword`). */
export interface IssueLike {
  code: string;
  message: string;
}

const num = (v: unknown): number | string => (typeof v === 'number' ? v : String(v));

/**
 * The registered code of a zod issue; `given` is the value the issue is about, when the caller
 * has it (a value of the wrong type that is absent altogether is `value_missing`).
 */
export function issueCode(zodIssue: IssueLike, given?: { value: unknown }): CodedAs {
  const issue = zodIssue as IssueLike & Record<string, unknown>;
  if (isErrorCode(issue.message)) return { code: issue.message, params: (issue.params ?? {}) as Params } as CodedAs;
  switch (issue.code) {
    case 'invalid_type':
      if (given && given.value === undefined && issue.expected !== 'undefined') return coded('value_missing', {});
      return coded('expected_type', { expected: String(issue.expected) });
    case 'too_small':
      return coded('too_small', {
        origin: String(issue.origin),
        limit: num(issue.minimum),
        inclusive: !!issue.inclusive,
      });
    case 'too_big':
      return coded('too_big', {
        origin: String(issue.origin),
        limit: num(issue.maximum),
        inclusive: !!issue.inclusive,
      });
    case 'invalid_format':
      return coded('invalid_format', { format: String(issue.format) });
    case 'invalid_value':
      return coded('invalid_value', { values: (issue.values as unknown[]).map(String) });
    case 'unrecognized_keys':
      return coded('unrecognized_keys', { keys: (issue.keys as unknown[]).map(String) });
    case 'not_multiple_of':
      return coded('not_multiple_of', { divisor: num(issue.divisor) });
    default:
      return coded('invalid_field', {});
  }
}

/** An issue with the place it is at, as `invalid_input` lists them. */
export function fieldIssue(issue: IssueLike, at: string, given?: { value: unknown }): FieldIssue {
  return { at, ...issueCode(issue, given) };
}

/** The value at a zod path inside `input` (undefined where the path leads nowhere). */
export function valueAt(input: unknown, path: readonly PropertyKey[]): { value: unknown } {
  let value = input;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return { value };
}

/** One field's problem as an error's detail: its dotted path, code, parameters and English text. */
export interface FieldDetail {
  path: string;
  code: string;
  params: Params;
  message: string;
}

export function fieldDetail(issue: FieldIssue, path: string): FieldDetail {
  return { path, code: issue.code, params: issue.params, message: textOf(issue) };
}
