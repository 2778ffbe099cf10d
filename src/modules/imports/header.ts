/** Maps a file's header row to a kind's columns, by English or Chinese name, in any order. */
import { coded, rowError, type RowError } from '../../shared/errors.ts';
import type { ColumnDef, KindDef } from './kinds/index.ts';

export interface HeaderMap {
  /** For each of the kind's columns, the cell index holding it (-1 when an optional column is absent). */
  index: number[];
}

export function mapHeader(file: string, kind: KindDef, header: string[]): { map?: HeaderMap; errors: RowError[] } {
  const errors: RowError[] = [];
  const byName = new Map<string, ColumnDef>();
  for (const c of kind.columns) {
    byName.set(c.name.toLowerCase(), c);
    byName.set(c.zh, c);
  }
  const found = new Map<ColumnDef, number>();
  header.forEach((raw, i) => {
    const name = raw.trim();
    const column = byName.get(name) ?? byName.get(name.toLowerCase());
    if (!column) {
      errors.push(
        rowError(
          file,
          1,
          name || `(column ${i + 1})`,
          coded('unknown_column', { kind: kind.kind, columns: kind.columns.map((c) => c.name) }),
        ),
      );
    } else if (found.has(column)) {
      errors.push(rowError(file, 1, column.name, coded('column_twice', {})));
    } else found.set(column, i);
  });
  for (const c of kind.columns)
    if (!found.has(c) && !c.optional) errors.push(rowError(file, 1, c.name, coded('column_missing', {})));
  if (errors.length > 0) return { errors };
  return { map: { index: kind.columns.map((c) => found.get(c) ?? -1) }, errors };
}
