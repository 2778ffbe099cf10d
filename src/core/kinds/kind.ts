/** The §2 kinds' words and their rows' own rules: no SQL, no Node, so the web app takes them as they are. */
import type { ColumnDef, Value } from './columns.ts';
import { coded, type CodedAs, type ErrorCode, type ErrorParams } from '../errors/registry.ts';

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
 * One kind of §2 file as the browser knows it too: its columns, natural key and the rules
 * between the values of one row. What it is checked against in the database (references,
 * overlaps, its province) is the import's (src/modules/imports/kinds/).
 */
export interface KindDef {
  kind: string;
  zh: string;
  key: string[];
  columns: ColumnDef[];
  /** Rules between the values of one row. */
  rowRules?(row: Record<string, Value>): RowProblem[];
}

export function storageName(c: ColumnDef): string {
  return c.storage ?? c.name;
}
