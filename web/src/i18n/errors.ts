/**
 * Errors in the reader's language. The API's errors, each rejected row and each field's problem
 * carry a registered code and its parameters (`#core/errors`); this says them in Chinese or
 * English from the same registry the server's English messages come from, never by reading a
 * sentence. A code this build does not know (a newer server's, or one made in the browser)
 * shows the text that came with it.
 *
 * @example
 *   errorText('zh', { code: 'unknown_reference', params: { target: 'officer', value: '220001' } }) // 没有警号为 220001 的民警
 */
import { renderError } from '#core/errors/registry.ts';
import type { Params } from '#core/errors/types.ts';
import type { Lang } from './format.ts';

/** Anything that says why: an ApiError, a RowError, a field's detail, a kept rejection. */
export interface Said {
  code?: string;
  params?: Params;
  message?: string;
  reason?: string;
}

export function errorText(lang: Lang, said: Said): string {
  const rendered = said.code ? renderError(said.code, said.params ?? {}, lang) : undefined;
  return rendered ?? said.message ?? said.reason ?? said.code ?? '';
}
