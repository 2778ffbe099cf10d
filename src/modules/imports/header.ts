/** Maps a file's header row to a kind's columns, by English or Chinese name, in any order. */
import type { RowError } from '../../shared/errors.ts';
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
      errors.push({
        file,
        line: 1,
        column: name || `(column ${i + 1})`,
        reason: `unknown column; ${kind.kind} has ${kind.columns.map((c) => c.name).join(', ')}`,
      });
    } else if (found.has(column)) {
      errors.push({ file, line: 1, column: column.name, reason: 'the column appears twice' });
    } else found.set(column, i);
  });
  for (const c of kind.columns)
    if (!found.has(c) && !c.optional) errors.push({ file, line: 1, column: c.name, reason: 'missing column' });
  if (errors.length > 0) return { errors };
  return { map: { index: kind.columns.map((c) => found.get(c) ?? -1) }, errors };
}
