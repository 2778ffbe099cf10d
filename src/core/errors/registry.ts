/**
 * The closed registry of Outpost's error codes: every code the server can emit, with its
 * category (HTTP status, CLI exit code), its parameters and its texts in Chinese and English.
 * The server renders English from here (the API's `message`, the CLI's lines); the web renders
 * the reader's language from the same entries. A code not listed here cannot be thrown:
 * `new AppError(code, params)` takes only these codes, each with its own parameters.
 *
 * @example
 *   renderError('unknown_reference', { target: 'officer', value: '220001' }, 'zh') // 没有警号为 220001 的民警
 */
import { CATEGORIES, type Category, type Coded, type ErrorDef, type Lang, type Params } from './types.ts';
import { GENERAL_ERRORS } from './codes/general.ts';
import { CLI_ERRORS } from './codes/cli.ts';
import { ROW_ERRORS } from './codes/rows.ts';
import { IMPORT_ERRORS } from './codes/imports.ts';
import { ACCESS_ERRORS } from './codes/access.ts';
import { ASSESSMENT_ERRORS } from './codes/assessment.ts';
import { SUPERVISION_ERRORS } from './codes/supervision.ts';
import { BACKUP_ERRORS } from './codes/backup.ts';
import { CHANNEL_ERRORS } from './codes/channels.ts';
import { PERIOD_ERRORS } from './codes/periods.ts';
import { KEY_ERRORS } from './codes/keys.ts';
import { NOTICE_ERRORS } from './codes/notices.ts';

/** The groups the registry is made of (a test checks that no code is in two). */
export const ERROR_GROUPS = {
  general: GENERAL_ERRORS,
  cli: CLI_ERRORS,
  rows: ROW_ERRORS,
  imports: IMPORT_ERRORS,
  access: ACCESS_ERRORS,
  assessment: ASSESSMENT_ERRORS,
  supervision: SUPERVISION_ERRORS,
  backup: BACKUP_ERRORS,
  channels: CHANNEL_ERRORS,
  periods: PERIOD_ERRORS,
  keys: KEY_ERRORS,
  notices: NOTICE_ERRORS,
};

export const ERRORS = {
  ...GENERAL_ERRORS,
  ...CLI_ERRORS,
  ...ROW_ERRORS,
  ...IMPORT_ERRORS,
  ...ACCESS_ERRORS,
  ...ASSESSMENT_ERRORS,
  ...SUPERVISION_ERRORS,
  ...BACKUP_ERRORS,
  ...CHANNEL_ERRORS,
  ...PERIOD_ERRORS,
  ...KEY_ERRORS,
  ...NOTICE_ERRORS,
};

export type ErrorCode = keyof typeof ERRORS;

/** The parameters of `C`, as its texts read them. */
export type ErrorParams<C extends ErrorCode> = (typeof ERRORS)[C] extends ErrorDef<infer P> ? P : never;

/** A registered code with its own parameters: what a row error or a field issue carries. */
export type CodedAs<C extends ErrorCode = ErrorCode> = { [K in C]: { code: K; params: ErrorParams<K> } }[C];

/** `{code, params}`, checked against the registry: `coded('column_missing', {})`. */
export function coded<C extends ErrorCode>(code: C, params: ErrorParams<C>): CodedAs<C> {
  return { code, params } as CodedAs<C>;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}

function entry(code: string): ErrorDef<Params> | undefined {
  return isErrorCode(code) ? (ERRORS[code] as unknown as ErrorDef<Params>) : undefined;
}

/**
 * The text of a code in a language, or undefined for a code this registry does not know (a
 * newer server's, say: the caller then shows the message that came with it).
 */
export function renderError(code: string, params: Params, lang: Lang): string | undefined {
  const def = entry(code);
  if (!def) return undefined;
  const nested = (cause: Coded) => renderError(cause.code, cause.params ?? {}, lang) ?? cause.code;
  return def[lang]({ ...params }, nested);
}

/** The English text of a registered code: what the CLI prints and the API's `message` says. */
export function englishOf<C extends ErrorCode>(code: C, params: ErrorParams<C>): string {
  return renderError(code, params as Params, 'en')!;
}

/** The text of a coded error in a language; its bare code when the registry does not know it. */
export function textOf(error: Coded, lang: Lang = 'en'): string {
  return renderError(error.code, error.params ?? {}, lang) ?? error.code;
}

export function categoryOf(code: ErrorCode): Category {
  return ERRORS[code].category;
}

export function httpStatusOf(code: ErrorCode): number {
  const def = ERRORS[code] as ErrorDef<unknown>;
  return def.status ?? CATEGORIES[def.category].status;
}

export function exitCodeOf(code: ErrorCode): number {
  return CATEGORIES[categoryOf(code)].exit;
}
