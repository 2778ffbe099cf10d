/** Queries on accounts and sessions; no rules here (see accounts.service.ts, session.service.ts). */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { AccountTable, DB } from '../../db/schema.ts';
import { timestamp } from '../../shared/clock.ts';

export type AccountRow = Selectable<AccountTable>;

export async function anyAccount(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export function findAccount(db: Kysely<DB>, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export function listAccounts(db: Kysely<DB>): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().orderBy('username').execute();
}

export async function insertAccount(tx: Tx, row: Insertable<AccountTable>): Promise<void> {
  await tx.kysely.insertInto('accounts').values(row).execute();
}

export async function updateAccount(tx: Tx, id: number, patch: Updateable<AccountTable>): Promise<void> {
  await tx.kysely
    .updateTable('accounts')
    .set({ ...patch, updated_at: timestamp() })
    .where('id', '=', id)
    .execute();
}

/** Spends a TOTP step: false when that step (or a later one) was already used. */
export async function spendTotpStep(tx: Tx, id: number, step: number): Promise<boolean> {
  const result = await tx.kysely
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the database holds the demonstration province (the mark `outpost demo` leaves in meta). */
export async function isDemonstration(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('meta').select('key').where('key', '=', 'demo').executeTakeFirst();
  return row !== undefined;
}

export async function areaExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('areas')
    .select('code')
    .where('code', '=', code)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function badgeExists(db: Kysely<DB>, badge: string): Promise<boolean> {
  const row = await db
    .selectFrom('officers')
    .select('badge')
    .where('badge', '=', badge)
    .where('voided_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface SessionWithAccount {
  token_hash: string;
  expires_at: string;
  account: AccountRow;
}

export async function insertSession(
  tx: Tx,
  row: { token_hash: string; account_id: number; created_at: string; expires_at: string; ip: string | null },
): Promise<void> {
  await tx.kysely.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string): Promise<SessionWithAccount | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .selectAll('a')
    .select(['s.token_hash', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_hash, expires_at, ...account } = row;
  return { token_hash, expires_at, account };
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account but, optionally, one. */
export async function deleteSessions(tx: Tx, accountId: number, keep?: string): Promise<void> {
  let query = tx.kysely.deleteFrom('sessions').where('account_id', '=', accountId);
  if (keep) query = query.where('token_hash', '!=', keep);
  await query.execute();
}

export async function deleteExpiredSessions(tx: Tx, now: string): Promise<void> {
  await tx.kysely.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
