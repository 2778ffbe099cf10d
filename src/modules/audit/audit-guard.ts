/**
 * Lifting the audit log's guard, for one thing only: restoring a whole database from a backup,
 * which replaces the log (and its chain) with the backup's. The guard is dropped and put back
 * inside the caller's transaction, so it is never missing outside it, even when fn fails.
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { guardAuditLog, unguardAuditLog } from '../../db/migrations/002-accounts-and-audit.ts';

export async function withoutAuditGuard<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const k = tx.kysely as Kysely<unknown>;
  await unguardAuditLog(k, tx.engine);
  const result = await fn();
  await guardAuditLog(k, tx.engine);
  return result;
}
