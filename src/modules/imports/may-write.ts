/**
 * "May these rows be written?" — the one place every import asks it, inside the transaction that
 * writes them, just before a kind's staged rows are merged (the kinds before it merged already,
 * so a row may name what the same import adds). An import in one transaction (`POST records`,
 * `outpost import`) and an import job's merge (which asks again whatever was checked before it
 * took the write lock) both come here.
 *
 * It holds a scoped account to its scope (stage-scope.ts) and refuses rows of a locked period
 * (periods/period-guard.ts): a kind's rows that would change a locked month refuse the import.
 */
import type { Tx } from '../../db/database.ts';
import type { Scope } from '../accounts/scope.ts';
import { assertStagedRowsInScope } from './stage-scope.ts';
import { assertPeriodsOpen, stagedChanges } from '../periods/period-guard.ts';
import type { ImportKind } from './kinds/index.ts';
import type { Stage } from './stage.ts';

/** What decides whether an import's rows may be written. */
export interface MayWrite {
  /** A scoped account's: every row within it (null or absent: province-wide). */
  scope?: Scope | null;
}

/**
 * Throws (nothing is written) when a kind's staged rows may not be written. `read`: the rows
 * read of the kind, rejected ones included (an officer's file of a kind it may not write is
 * refused even when every row of it is rejected).
 */
export async function mayWriteRows(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  read: number,
  rules: MayWrite = {},
): Promise<void> {
  if (rules.scope && read > 0) await assertStagedRowsInScope(tx, rules.scope, kind, stage);
  await assertPeriodsOpen(tx, kind, stagedChanges(tx, kind, stage.name));
}
