import type { ColumnDef, Value } from './columns.ts';
import { coded, type CodedAs, type ErrorCode, type ErrorParams } from '#core/errors/registry.ts';

export const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];
export const ROOM_TYPES = ['community_room', 'rural_office'] as const;
export const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'] as const;
export const STANDARD_KIT = ['computer', 'motorcycle', 'work_kit'] as const;

/** A problem found in one row's own values: the column, and the registered code of why. */
export type RowProblem = CodedAs & { column: string };

/** `problem('correct', 'more_than_sampled', { value: 16, sampled: 15 })`, its parameters checked. */
export function problem<C extends ErrorCode>(column: string, code: C, params: ErrorParams<C>): RowProblem {
  return { column, ...coded(code, params) } as RowProblem;
}

/**
 * A check on the staged rows against the database as it stands inside the import's
 * transaction. Its SQL selects `line`, `v` (the offending value) and whatever else the
 * problem's parameters need from `$stage s`.
 */
export interface SqlCheck {
  column: string;
  sql: string;
  problem(found: Record<string, string>): CodedAs;
}

/**
 * A row's province: `value`, an SQL expression over the stage row `s` and the table `join` adds
 * (a left join on a unique key, so that it neither drops nor repeats a row).
 */
export interface ProvinceOf {
  join: string;
  value: string;
}

/** The province of the row of `table` whose `key` is the stage's `column`; '' when none. */
export function provinceVia(table: string, key: string, column: string): ProvinceOf {
  return { join: `left join ${table} pv on pv.${key} = s.${column}`, value: `coalesce(pv.province, '')` };
}

/** One kind of §2 file: its columns, natural key, own rules and references. */
export interface KindDef {
  kind: string;
  zh: string;
  table: string;
  key: string[];
  columns: ColumnDef[];
  /** Rules between the values of one row. */
  rowRules?(row: Record<string, Value>): RowProblem[];
  /** Where the row's province comes from (the database as merged so far). */
  province: ProvinceOf;
  checks: SqlCheck[];
  /**
   * Merges the stage in passes, one per value of `column` in this order, so that `province` can
   * read the rows merged by earlier passes (areas: a parent's level before its children's).
   */
  passes?: { column: string; values: readonly string[] };
}

export function storageName(c: ColumnDef): string {
  return c.storage ?? c.name;
}
