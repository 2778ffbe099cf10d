/**
 * The shape of Outpost's error registry: every refusal has a stable code, the parameters its
 * text is made from, a category (the broad class that decides the HTTP status and the CLI exit
 * code) and a text in Chinese and in English. Browser-safe: nothing here imports Node or the
 * server, so the web app renders the same texts the CLI prints.
 */

/** The two languages of Outpost, Chinese first. */
export type Lang = 'zh' | 'en';

/**
 * The broad classes of failure, each with its HTTP status and CLI exit code. A code belongs to
 * one category; a code may name a status of its own (414 for an over-long address).
 */
export const CATEGORIES = {
  invalid_input: { status: 400, exit: 2 },
  import_rejected: { status: 422, exit: 3 },
  not_found: { status: 404, exit: 4 },
  conflict: { status: 409, exit: 5 },
  unauthenticated: { status: 401, exit: 6 },
  forbidden: { status: 403, exit: 6 },
  too_large: { status: 413, exit: 2 },
  rate_limited: { status: 429, exit: 7 },
  busy: { status: 503, exit: 7 },
  not_ready: { status: 503, exit: 7 },
  disk_full: { status: 507, exit: 8 },
  internal: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type Category = keyof typeof CATEGORIES;

/** A value an error's text is made from: what JSON carries. */
export type ParamValue =
  string | number | boolean | null | readonly ParamValue[] | { readonly [k: string]: ParamValue };

/** The parameters of one code, by name. */
export type Params = { readonly [name: string]: ParamValue };

/** An error as data: its code and parameters (also a nested cause inside another's parameters). */
export type Coded = {
  code: string;
  params: Params;
};

/** One field's problem inside another error: where (`querystring.month`, `--month`), and why. */
export type FieldIssue = Coded & {
  at: string;
};

/** Renders a nested cause in the language being rendered. */
export type Nested = (cause: Coded) => string;

/** One code of the registry. */
export interface ErrorDef<P> {
  category: Category;
  /** A status other than the category's. */
  status?: number;
  /** Parameters that show the texts (and let a test render every code in both languages). */
  example: P;
  en(p: P, nested: Nested): string;
  zh(p: P, nested: Nested): string;
}

/**
 * One registry entry. The parameters' type is that of the example, unless given.
 *
 * @example
 *   area_not_found: def('not_found', { area: '220102' }, (p) => `no area ${p.area} exists`, (p) => `没有代码为 ${p.area} 的地区`)
 */
export function def<P extends Params>(
  category: Category | { category: Category; status: number },
  example: P,
  en: (p: P, nested: Nested) => string,
  zh: (p: P, nested: Nested) => string,
): ErrorDef<Widened<P>> {
  const entry = typeof category === 'string' ? { category, example, en, zh } : { ...category, example, en, zh };
  return entry as unknown as ErrorDef<Widened<P>>;
}

/**
 * `true` in an example stands for any boolean; a list may be a readonly one; a code without
 * parameters takes `{}` and nothing else (a sentence passed where its parameters go is refused).
 */
type Widened<P> = keyof P extends never
  ? NoParams
  : {
      [K in keyof P]: P[K] extends boolean ? boolean : P[K] extends readonly (infer E)[] ? readonly E[] : P[K];
    };

/** The parameters of a code that has none. */
export type NoParams = { readonly [name: string]: never };

/** `s` after a count other than one: `3 values`, `1 value`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A list as English says it: `a, b or c`. */
export function either(values: readonly string[], conjunction = 'or'): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} ${conjunction} ${values.at(-1)}`;
}
