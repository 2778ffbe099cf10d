import type { ColumnDef, Value } from './columns.ts';

export const LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];
export const ROOM_TYPES = ['community_room', 'rural_office'] as const;
export const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'] as const;
export const STANDARD_KIT = ['computer', 'motorcycle', 'work_kit'] as const;

/** A problem found in one row's own values. */
export interface RowProblem {
  column: string;
  reason: string;
}

/**
 * A check on the staged rows against the database as it stands inside the import's
 * transaction. Its SQL selects `line` and `v` (the offending value) from `$stage s`.
 */
export interface SqlCheck {
  column: string;
  sql: string;
  reason(v: string): string;
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
  /** SQL expression giving the row's province from the stage row `s`. */
  province: string;
  checks: SqlCheck[];
  /** Runs after the rows are merged (derived tables, computed columns). */
  afterMerge?: string[];
}

export function storageName(c: ColumnDef): string {
  return c.storage ?? c.name;
}
