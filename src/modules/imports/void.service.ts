/**
 * Voiding: the one way a row leaves every figure. The row stays, marked with who voided it,
 * when and why, and the act is kept in the row's history.
 */
import type { Database, Tx } from '../../db/database.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import { kindByName, KIND_NAMES, storageName } from './kinds/index.ts';
import { all, run } from './stage.ts';
import { timestamp } from '../../shared/clock.ts';
import { assertPeriodsOpen, storedRow } from '../periods/period-guard.ts';

/**
 * Voids one row in a transaction of its own, without an audit entry. `outpost void` calls
 * voidInTransaction instead, so that the void and its audit entry commit together.
 */
export function voidRow(db: Database, kindName: string, key: string[], reason: string, actor: string): Promise<void> {
  return db.transaction((tx) => voidInTransaction(tx, kindName, key, reason, actor));
}

/**
 * Voids one row inside the caller's transaction, which appends the act's audit entry in it too.
 *
 * @example
 *   await db.transaction(async (tx) => {
 *     await voidInTransaction(tx, 'surveys', ['Q1-000006'], 'entered twice', who.actor);
 *     await appendAudit(tx, who, { action: 'void', target: 'surveys Q1-000006', detail: { reason } });
 *   });
 */
export async function voidInTransaction(
  tx: Tx,
  kindName: string,
  key: string[],
  reason: string,
  actor: string,
): Promise<void> {
  const kind = kindByName(kindName);
  if (!kind) throw new AppError('record_kind_unknown', { name: kindName, expected: KIND_NAMES });
  if (key.length !== kind.key.length) throw new AppError('void_key_arity', { kind: kind.kind, key: kind.key });
  if (!reason.trim()) throw new AppError('void_reason_required', {});
  const where = kind.key.map((k) => `${k} = ?`).join(' and ');
  const params = kind.key.map((k, i) =>
    kind.columns.find((c) => c.name === k)?.sqlType === 'integer' ? Number(key[i]) : key[i],
  );
  const cols = [...kind.columns.map(storageName), 'voided_at', 'province', 'import_id'];
  const [row] = await all<Record<string, unknown>>(
    tx,
    `select ${cols.join(', ')} from ${kind.table} where ${where}`,
    params,
  );
  if (!row) throw new AppError('row_not_found', { kind: kind.kind, key: key.join(' ') });
  if (row.voided_at)
    throw new AppError('row_already_voided', { kind: kind.kind, key: key.join(' '), at: String(row.voided_at) });
  await assertPeriodsOpen(tx, kind, [storedRow(kind, params)]);
  const now = timestamp();
  await run(
    tx,
    `insert into history (kind, row_key, data, action, reason, import_id, at) values (?, ?, ?, 'voided', ?, ?, ?)`,
    [kind.kind, key.join('|'), JSON.stringify({ ...row, voided_by: actor }), reason, Number(row.import_id), now],
  );
  await run(tx, `update ${kind.table} set voided_at = ?, void_reason = ? where ${where}`, [now, reason, ...params]);
  await bumpDataVersion(tx);
}
