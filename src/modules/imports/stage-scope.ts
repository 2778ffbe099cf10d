/**
 * A scoped account's staged rows held to exactly the rules of `POST records/{kind}`
 * (records.scope.ts), read back from the stage (the file is read once): a refusal names the
 * file's own lines and ends the import with nothing written.
 *
 * Memory stays bounded. Rows of areas and of units may name each other within one batch (a
 * village under a township added beside it, a room under a station added beside it), so those
 * two kinds are judged whole, up to SCOPED_WHOLE_LIMIT rows: a city's divisions and units are a
 * few thousand. Every other kind's rows are judged each on its own (the batch adds nothing to
 * the scope), so they go SCOPE_CHUNK at a time and nothing held grows with the file.
 */
import type { Tx } from '../../db/database.ts';
import { AppError, type RowError } from '../../shared/errors.ts';
import type { Scope } from '../accounts/scope.ts';
import { rowsOutsideScope, type Row } from '../records/records.scope.ts';
import { storageName, type ImportKind } from './kinds/index.ts';
import { lineOf } from './merge.ts';
import { all, type Stage } from './stage.ts';
import { ERROR_LIMIT } from './staging.ts';

/** Rows judged at once, of the kinds whose rows are judged each on its own. */
export const SCOPE_CHUNK = 10_000;
/** The most rows of areas, or of units, a scoped account's import may hold. */
export const SCOPED_WHOLE_LIMIT = 200_000;
/** Kinds whose rows extend the scope for the rest of their batch (records.scope.ts: extendWithBatch). */
const JUDGED_WHOLE = new Set(['areas', 'units']);

/** Refuses (403, nothing written) when any staged row names anything outside the scope. */
export async function assertStagedRowsInScope(tx: Tx, scope: Scope, kind: ImportKind, stage: Stage): Promise<void> {
  const whole = JUDGED_WHOLE.has(kind.kind);
  const refused: RowError[] = [];
  let count = 0;
  // An officer's kind it may not write at all is refused before a row is judged.
  await rowsOutsideScope(tx.kysely, scope, kind, []);
  for await (const chunk of stagedRows(tx, kind, stage, whole ? SCOPED_WHOLE_LIMIT + 1 : SCOPE_CHUNK)) {
    if (whole && chunk.rows.length > SCOPED_WHOLE_LIMIT)
      throw new AppError('scoped_too_many_rows', {
        file: chunk.places[0].file,
        limit: SCOPED_WHOLE_LIMIT,
        kind: kind.kind,
      });
    for (const d of await rowsOutsideScope(tx.kysely, scope, kind, chunk.rows)) {
      count++;
      if (refused.length < ERROR_LIMIT) refused.push({ ...d, ...chunk.places[Number(d.line) - 1] });
    }
    // SQLite answers synchronously: let the server answer other requests between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (count > 0) throw new AppError('scope_refused', { count, listed: refused.length }, refused);
}

/** Where a staged row came from. */
export interface Place {
  file: string;
  line: number | string;
}

/**
 * A stage's rows in their order, `size` at a time, with their values by column name as the
 * import parsed them and the place each came from.
 */
export async function* stagedRows(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  size: number,
): AsyncGenerator<{ rows: Row[]; places: Place[] }> {
  const columns = kind.columns.map((c) => [c.name, storageName(c)] as const);
  for (let after = 0; ;) {
    const batch = await all<Record<string, unknown>>(
      tx,
      `select * from ${stage.name} where seq > ? order by seq limit ${size}`,
      [after],
    );
    if (batch.length === 0) return;
    after = Number(batch[batch.length - 1].seq);
    yield {
      rows: batch.map((r) => Object.fromEntries(columns.map(([name, stored]) => [name, valueOf(r[stored])]))),
      places: batch.map((r) => ({ file: String(r.file), line: lineOf(String(r.line)) })),
    };
    if (batch.length < size) return;
  }
}

function valueOf(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' || typeof v === 'string' ? v : String(v);
}
