/**
 * Accounts and sessions for tests that call the API: `adminHeaders(db)` creates an admin (once
 * per database) and returns the headers of a fresh session; `sessionHeaders` does the same for
 * any role.
 *
 * @example
 *   const res = await app.inject({ url: '/api/v1/units', headers: await adminHeaders(db) });
 */
import type { Database } from '../../src/db/database.ts';
import type { Role } from '#core/accounts/permissions.ts';
import { findAccount } from '../../src/modules/accounts/accounts.repository.ts';
import { addAccount } from '../../src/modules/accounts/accounts.service.ts';
import { login } from '../../src/modules/accounts/session.service.ts';

export const TEST_PASSWORD = 'a long test passphrase 7';
const TEST_ACTOR = { actor: 'os:test', via: 'test', ip: null };

export interface TestAccount {
  username: string;
  role: Role;
  area?: string;
  badge?: string;
  password?: string;
}

/** Creates the account unless it exists. */
export async function ensureAccount(db: Database, account: TestAccount): Promise<void> {
  if (await findAccount(db.kysely, account.username)) return;
  await addAccount(db, TEST_ACTOR, { ...account, password: account.password ?? TEST_PASSWORD });
}

/** A new session's token for an existing account (straight through the service, no HTTP). */
export async function sessionToken(
  db: Database,
  username: string,
  password = TEST_PASSWORD,
  totp?: string,
): Promise<string> {
  const { token } = await login(
    db,
    { ...TEST_ACTOR, ip: `test-${username}` },
    { username, password, totp },
    { requireAdminTotp: false },
  );
  return token;
}

export async function sessionHeaders(db: Database, account: TestAccount): Promise<{ authorization: string }> {
  await ensureAccount(db, account);
  return { authorization: `Bearer ${await sessionToken(db, account.username, account.password)}` };
}

export function adminHeaders(db: Database, username = 'test-admin'): Promise<{ authorization: string }> {
  return sessionHeaders(db, { username, role: 'admin' });
}
