/**
 * The generated region of docs/errors.md: every error code of the registry with its category,
 * HTTP status and exit code, and its example said in English and in Chinese.
 */
import {
  ERRORS,
  exitCodeOf,
  httpStatusOf,
  renderError,
  type ErrorCode,
  type ErrorDef,
  type Params,
} from './sources.ts';
import { code, table } from './markdown.ts';
import type { Renderers } from './regions.ts';

function codes(): string {
  const all = (Object.keys(ERRORS) as ErrorCode[]).sort();
  return table(
    ['code', 'category', 'status / exit', 'English', '中文'],
    all.map((c) => {
      const def = ERRORS[c] as ErrorDef<Params>;
      return [
        code(c),
        def.category,
        `${httpStatusOf(c)} / ${exitCodeOf(c)}`,
        renderError(c, def.example, 'en')!,
        renderError(c, def.example, 'zh')!,
      ];
    }),
  );
}

export const errorsRegions: Renderers = { codes };
