/**
 * Column parsers of the import formats (SPEC §2). A parser turns a cell's text into the stored
 * value or throws a CellError carrying the registered code of the reason (its message is the
 * English text of it).
 */
import { isCalendarDay } from '../calendar/day.ts';
import { unsafeCharIn } from '../text/names.ts';
import { coded, englishOf, type CodedAs, type ErrorCode, type ErrorParams } from '../errors/registry.ts';

export type Value = string | number | null;

export class CellError<C extends ErrorCode = ErrorCode> extends Error {
  readonly problem: CodedAs;

  constructor(code: C, params: ErrorParams<C>) {
    super(englishOf(code, params));
    this.problem = coded(code, params) as CodedAs;
  }
}

export interface ColumnDef {
  name: string;
  zh: string;
  /** An optional column may be left out of the header. */
  optional?: boolean;
  /** Stored under another name (funds.amount is kept as integer fen). */
  storage?: string;
  parse(raw: string): Value;
  /** A value for the template's example row. */
  example: string;
  /** How the value is stored. */
  sqlType: SqlType;
  /** What a cell accepts, as the docs and forms describe it. */
  format: CellFormat;
  /** An empty cell is taken, as no value (null). */
  nullable?: boolean;
}

/** What a column's cells accept: the kind of value and its bounds (the parser enforces it). */
export type CellFormat =
  | { type: 'code' }
  | { type: 'area_code' }
  | { type: 'text'; max: number }
  | { type: 'choice'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'integer'; min: number; max?: number }
  | { type: 'decimal'; min: number; max: number; exclusiveMin?: boolean }
  | { type: 'yuan' }
  | { type: 'yes_no' };

export type SqlType = 'text' | 'integer' | 'bigint' | 'double precision';

const CODE = /^[A-Za-z0-9._/-]{1,64}$/;
const AREA_CODE = /^[A-Za-z0-9_-]{1,32}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function required(raw: string): string {
  const v = raw.trim();
  if (v === '') throw new CellError('value_required', {});
  return v;
}

export function isValidDate(v: string): boolean {
  let valid = DAYS_SEEN.get(v);
  if (valid === undefined) {
    valid = isCalendarDay(v);
    // A file's dates are few and repeat: a bounded memo spares a Date a row.
    if (DAYS_SEEN.size < 100_000) DAYS_SEEN.set(v, valid);
  }
  return valid;
}

const DAYS_SEEN = new Map<string, boolean>();

type Spec = Omit<ColumnDef, 'parse' | 'name' | 'zh' | 'sqlType'> & { sqlType?: SqlType };

function col(name: string, zh: string, parse: (raw: string) => Value, spec: Spec): ColumnDef {
  return { name, zh, parse, sqlType: 'text', ...spec };
}

export const code = (name: string, zh: string, example: string, opts: { nullable?: boolean } = {}) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim();
      if (v === '' && opts.nullable) return null;
      if (!CODE.test(required(v))) throw new CellError('not_a_code', { value: clip(v) });
      return v;
    },
    { example, format: { type: 'code' }, nullable: opts.nullable },
  );

export const areaCode = (name: string, zh: string, example: string, opts: { nullable?: boolean } = {}) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim();
      if (v === '' && opts.nullable) return null;
      if (!AREA_CODE.test(required(v))) throw new CellError('not_an_area_code', { value: clip(v) });
      return v;
    },
    { example, format: { type: 'area_code' }, nullable: opts.nullable },
  );

export const text = (
  name: string,
  zh: string,
  example: string,
  opts: { nullable?: boolean; optional?: boolean; max?: number } = {},
) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim();
      if (v === '') {
        if (opts.nullable || opts.optional) return null;
        throw new CellError('value_required', {});
      }
      const max = opts.max ?? 200;
      if (v.length > max) throw new CellError('too_long', { max });
      // PostgreSQL's text cannot hold it (SQLite can): refused alike on both.
      if (v.includes('\u0000')) throw new CellError('contains_nul', {});
      // A control that reorders text makes a name read as something else wherever it is shown.
      const unsafe = unsafeCharIn(v);
      if (unsafe) throw new CellError('reorders_text', { char: unsafe });
      return v;
    },
    {
      example,
      optional: opts.optional,
      format: { type: 'text', max: opts.max ?? 200 },
      nullable: opts.nullable || opts.optional,
    },
  );

export const oneOf = (name: string, zh: string, values: readonly string[], opts: { nullable?: boolean } = {}) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim();
      if (v === '' && opts.nullable) return null;
      if (!values.includes(required(v))) throw new CellError('not_one_of', { value: clip(v), values });
      return v;
    },
    { example: values[0], format: { type: 'choice', values }, nullable: opts.nullable },
  );

export const date = (name: string, zh: string, example: string, opts: { nullable?: boolean } = {}) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim();
      if (v === '' && opts.nullable) return null;
      if (!DATE.test(required(v))) throw new CellError('not_a_date', { value: clip(v) });
      if (!isValidDate(v)) throw new CellError('not_a_day', { value: v });
      return v;
    },
    { example, format: { type: 'date' }, nullable: opts.nullable },
  );

export const integer = (
  name: string,
  zh: string,
  example: string,
  opts: { min?: number; max?: number; nullable?: boolean } = {},
) =>
  col(
    name,
    zh,
    (raw) => {
      if (opts.nullable && raw.trim() === '') return null;
      const v = required(raw);
      if (!/^-?\d+$/.test(v)) throw new CellError('not_whole', { value: clip(v) });
      const n = Number(v);
      const min = opts.min ?? 0;
      if (n < min)
        throw min === 0 ? new CellError('negative', { value: v }) : new CellError('below', { value: v, min });
      if (opts.max !== undefined && n > opts.max) throw new CellError('above', { value: v, max: opts.max });
      if (!Number.isSafeInteger(n)) throw new CellError('number_too_large', { value: v });
      return n;
    },
    {
      example,
      sqlType: 'integer',
      format: { type: 'integer', min: opts.min ?? 0, max: opts.max },
      nullable: opts.nullable,
    },
  );

export const decimal = (
  name: string,
  zh: string,
  example: string,
  opts: { min: number; max: number; exclusiveMin?: boolean; optional?: boolean },
) =>
  col(
    name,
    zh,
    (raw) => {
      if (opts.optional && raw.trim() === '') return null;
      const v = required(raw);
      if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(v)) throw new CellError('not_a_number', { value: clip(v) });
      const n = Number(v);
      if (n < opts.min || (opts.exclusiveMin && n === opts.min))
        throw opts.min === 0 && n < 0
          ? new CellError('negative', { value: v })
          : new CellError('not_above', { value: v, min: opts.min });
      if (n > opts.max) throw new CellError('above', { value: v, max: opts.max });
      return n;
    },
    {
      example,
      sqlType: 'double precision',
      format: { type: 'decimal', min: opts.min, max: opts.max, exclusiveMin: opts.exclusiveMin },
      optional: opts.optional,
      nullable: opts.optional,
    },
  );

/** Yuan with at most 2 decimals, stored as integer fen so that sums stay exact. */
export const yuan = (name: string, zh: string, example: string) =>
  col(
    name,
    zh,
    (raw) => {
      const v = required(raw).replace(/,/g, '');
      const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(v);
      if (!m) throw new CellError('not_yuan', { value: clip(raw.trim()) });
      if (m[1] === '-') throw new CellError('negative', { value: v });
      const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
      if (!Number.isSafeInteger(fen)) throw new CellError('number_too_large', { value: v });
      return fen;
    },
    { example, storage: `${name}_fen`, sqlType: 'bigint', format: { type: 'yuan' } },
  );

export const yesNo = (name: string, zh: string, opts: { nullable?: boolean } = {}) =>
  col(
    name,
    zh,
    (raw) => {
      const v = raw.trim().toLowerCase();
      if (v === '' && opts.nullable) return null;
      if (v === 'yes' || v === '是') return 1;
      if (v === 'no' || v === '否') return 0;
      throw v === '' ? new CellError('yes_no_required', {}) : new CellError('not_yes_no', { value: clip(raw.trim()) });
    },
    { example: 'yes', sqlType: 'integer', format: { type: 'yes_no' }, nullable: opts.nullable },
  );

export const passFail = (name: string, zh: string) => oneOf(name, zh, ['pass', 'fail']);

function clip(v: string): string {
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}
