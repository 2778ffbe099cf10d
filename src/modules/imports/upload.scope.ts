/**
 * A scoped account's import file is held to exactly the rules of `POST records/{kind}`: each
 * kind's rows are read from the file and judged by `assertRowsInScope` (records.scope.ts) inside
 * the import's transaction, just before the import reads that kind, so the rows may name what
 * the kinds before them in the same workbook add. A refusal names the file's own lines and
 * ends the import with nothing written.
 *
 * Memory stays bounded. Rows of areas and of units may name each other within one batch (a
 * village under a township added beside it, a room under a station added beside it), so those
 * two kinds are judged whole, up to SCOPED_WHOLE_LIMIT rows: a city's divisions and units are a
 * few thousand. Every other kind's rows are judged each on its own (the batch adds nothing to
 * the scope), so they go 10,000 at a time and nothing held grows with the file.
 */
import { AppError, type RowError } from '../../shared/errors.ts';
import type { Scope } from '../accounts/scope.ts';
import { assertRowsInScope } from '../records/records.scope.ts';
import { mapHeader } from './header.ts';
import { ERROR_LIMIT, type ImportOptions, type ImportSource } from './import.service.ts';
import type { ImportKind, Value } from './kinds/index.ts';
import type { Table } from './reader/table.ts';

/** Rows judged at once, of the kinds whose rows are judged each on its own. */
export const SCOPE_CHUNK = 10_000;
/** The most rows of areas, or of units, a scoped account's file may hold. */
export const SCOPED_WHOLE_LIMIT = 200_000;
/** Kinds whose rows extend the scope for the rest of their batch (see extendWithBatch). */
const JUDGED_WHOLE = new Set(['areas', 'units']);

interface Place {
  file: string;
  line: number | string;
}

/** The import's `beforeKind` for an account of this scope. */
export function scopeCheck(scope: Scope): NonNullable<ImportOptions['beforeKind']> {
  return async (tx, kind, sources) => {
    const whole = JUDGED_WHOLE.has(kind.kind);
    const refused: RowError[] = [];
    let count = 0;
    let rows: Record<string, Value>[] = [];
    let places: Place[] = [];
    const judge = async () => {
      try {
        await assertRowsInScope(tx.kysely, scope, kind, rows);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'scope_refused') throw e;
        for (const d of e.details as RowError[]) {
          count++;
          if (refused.length < ERROR_LIMIT) refused.push({ ...d, ...places[Number(d.line) - 1] });
        }
      }
      rows = [];
      places = [];
      // SQLite answers synchronously: let the server answer other requests between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    };
    let first = true;
    for (const source of sources) {
      for await (const { row, place } of rowsOf(source)) {
        // A kind the account may not write at all (an officer's registry kind): refused at its first row.
        if (first) await assertRowsInScope(tx.kysely, scope, kind, []);
        first = false;
        if (!row) continue;
        rows.push(row);
        places.push(place);
        if (whole && rows.length > SCOPED_WHOLE_LIMIT)
          throw new AppError('scoped_too_many_rows', { file: place.file, limit: SCOPED_WHOLE_LIMIT, kind: kind.kind });
        if (!whole && rows.length === SCOPE_CHUNK) await judge();
      }
    }
    if (rows.length > 0) await judge();
    if (count > 0) {
      throw new AppError('scope_refused', { count, listed: refused.length }, refused);
    }
  };
}

/**
 * A source's rows by column name, as the import maps them. What the import will reject anyway
 * (an unreadable file, a bad header, a row wider than it) is left to the import to report.
 */
async function* rowsOf(source: ImportSource): AsyncGenerator<{ row: Record<string, Value> | null; place: Place }> {
  const { kind } = source;
  let table: Table;
  try {
    table = await source.open();
  } catch (e) {
    if (isRejection(e)) return;
    throw e;
  }
  const { map } = mapHeader(table.file, kind, table.header);
  if (!map) {
    // The import rejects these rows; yet a row shows the file holds this kind at all.
    try {
      for await (const { line } of table.rows) {
        yield { row: null, place: { file: table.file, line } };
        break;
      }
    } catch (e) {
      if (!isRejection(e)) throw e;
    }
    return;
  }
  try {
    for await (const { line, cells } of table.rows) {
      if (cells.length > table.header.length) continue;
      yield { row: rowOf(kind, map.index, cells), place: { file: table.file, line } };
    }
  } catch (e) {
    if (!isRejection(e)) throw e;
  }
}

function rowOf(kind: ImportKind, index: number[], cells: string[]): Record<string, Value> {
  const row: Record<string, Value> = {};
  kind.columns.forEach((c, i) => {
    if (index[i] >= 0) row[c.name] = cells[index[i]] ?? '';
  });
  return row;
}

function isRejection(e: unknown): boolean {
  return e instanceof AppError && e.category === 'import_rejected';
}
