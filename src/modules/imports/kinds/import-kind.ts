/**
 * A §2 kind as the import applies it: the core's kind (columns, key, a row's own rules) with
 * where its rows are stored and what they are checked against in the database.
 */
import type { KindDef } from '#core/kinds/kind.ts';
import type { CodedAs } from '#core/errors/registry.ts';

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

/** A kind with its table, its rows' province and the checks of its references. */
export interface ImportKind extends KindDef {
  table: string;
  /** Where the row's province comes from (the database as merged so far). */
  province: ProvinceOf;
  checks: SqlCheck[];
  /**
   * Merges the stage in passes, one per value of `column` in this order, so that `province` can
   * read the rows merged by earlier passes (areas: a parent's level before its children's).
   */
  passes?: { column: string; values: readonly string[] };
}
