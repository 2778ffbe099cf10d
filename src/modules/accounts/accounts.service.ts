/**
 * Account use cases, the same for the CLI (`outpost user ...`) and the API (`/users`): each
 * checks its input, writes, and appends its audit entry in one transaction.
 *
 * @example
 *   await addAccount(db, commandActor('user add'), { username: 'admin', password: '...', role: 'admin' });
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import type { Account, NewAccount, ProfilePatch } from '#core/contracts/accounts.schema.ts';
import {
  areaExists,
  badgeExists,
  deleteSessions,
  findAccount,
  insertAccount,
  isDemonstration,
  listAccounts,
  updateAccount,
  type AccountRow,
} from './accounts.repository.ts';
import { recordAttempt } from './login-throttle.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { newTotpSecret, otpauthUrl } from './totp.ts';
import { sealTotpSecret } from './totp-secret.ts';
import * as clock from '../../shared/clock.ts';

export function toAccount(row: AccountRow): Account {
  return {
    username: row.username,
    role: row.role as Account['role'],
    area: row.area_code,
    badge: row.badge,
    name: row.display_name,
    email: row.email,
    phone: row.phone,
    disabled: row.disabled_at !== null,
    totp: row.totp_secret !== null,
    created_at: row.created_at,
  };
}

export async function addAccount(db: Database, who: AuditActor, input: NewAccount): Promise<Account> {
  const { username, role } = input;
  const area = input.area ?? null;
  const badge = input.badge ?? null;
  if (role === 'manager' && !area) throw new AppError('manager_needs_area', {});
  if (role !== 'manager' && area) throw new AppError('area_for_managers_only', { role });
  if (role === 'officer' && !badge) throw new AppError('officer_needs_badge', {});
  if (role !== 'officer' && badge) throw new AppError('badge_for_officers_only', {});
  if (area && !(await areaExists(db.kysely, area))) throw new AppError('account_area_unknown', { area });
  if (badge && !(await badgeExists(db.kysely, badge))) throw new AppError('account_badge_unknown', { badge });
  await checkPassword(db, input.password, username);
  const password_hash = await hashPassword(input.password);
  const now = clock.timestamp();
  return db.transaction(async (tx) => {
    if (await findAccount(tx.kysely, username)) throw new AppError('account_exists', { username });
    const row = {
      username,
      password_hash,
      role,
      area_code: area,
      badge,
      disabled_at: null,
      totp_secret: null,
      totp_last_step: null,
      email: null,
      phone: null,
      quiet_from: null,
      quiet_until: null,
      display_name: input.name ?? null,
      created_at: now,
      updated_at: now,
    };
    await insertAccount(tx, row);
    await appendAudit(tx, who, {
      action: 'user.add',
      target: username,
      detail: { role, area, badge, name: input.name ?? null },
    });
    return toAccount({ ...row, id: 0 });
  });
}

/** The password rule, knowing whether this is a demonstration database (where the demo password is allowed). */
async function checkPassword(db: Database, password: string, username: string): Promise<void> {
  assertPasswordAcceptable(password, username, { demonstration: await isDemonstration(db.kysely) });
}

export async function accounts(db: Database): Promise<Account[]> {
  return (await listAccounts(db.kysely)).map(toAccount);
}

async function existing(db: Database, username: string): Promise<AccountRow> {
  const row = await findAccount(db.kysely, username);
  if (!row) throw new AppError('account_not_found', { username });
  return row;
}

/** An admin names an account's person: display name, email, phone; a key left out stays as it is. */
export async function setProfile(
  db: Database,
  who: AuditActor,
  username: string,
  patch: ProfilePatch,
): Promise<Account> {
  const row = await existing(db, username);
  const changes = {
    ...(patch.name !== undefined ? { display_name: patch.name } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
  };
  await db.transaction(async (tx) => {
    await updateAccount(tx, row.id, changes);
    await appendAudit(tx, who, { action: 'user.profile', target: username, detail: { ...patch } });
  });
  return toAccount({ ...row, ...changes });
}

/** Disabling ends the account's sessions at once; enabling lets it sign in again. */
export async function setDisabled(
  db: Database,
  who: AuditActor,
  username: string,
  disabled: boolean,
): Promise<Account> {
  const row = await existing(db, username);
  const disabled_at = disabled ? (row.disabled_at ?? clock.timestamp()) : null;
  await db.transaction(async (tx) => {
    await updateAccount(tx, row.id, { disabled_at });
    if (disabled) await deleteSessions(tx, row.id);
    await appendAudit(tx, who, { action: disabled ? 'user.disable' : 'user.enable', target: username });
  });
  return toAccount({ ...row, disabled_at });
}

/** An admin's reset: a new password, every session ended, any lockout lifted. */
export async function resetPassword(
  db: Database,
  who: AuditActor,
  username: string,
  password: string,
): Promise<Account> {
  const row = await existing(db, username);
  await checkPassword(db, password, username);
  const password_hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateAccount(tx, row.id, { password_hash });
    await deleteSessions(tx, row.id);
    await recordAttempt(tx, username, who.ip ?? 'cli', 'reset', clock.now());
    await appendAudit(tx, who, { action: 'user.reset', target: username });
  });
  return toAccount(row);
}

/** A signed-in account changes its own password; its other sessions end. */
export async function changeOwnPassword(
  db: Database,
  who: AuditActor,
  username: string,
  current: string,
  password: string,
  keepToken: string,
): Promise<void> {
  const row = await existing(db, username);
  if (!(await verifyPassword(row.password_hash, current))) throw new AppError('password_wrong_current', {});
  await checkPassword(db, password, username);
  const password_hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateAccount(tx, row.id, { password_hash });
    await deleteSessions(tx, row.id, keepToken);
    await appendAudit(tx, who, { action: 'session.password', target: username });
  });
}

export interface TotpSetup {
  username: string;
  enabled: boolean;
  secret: string | null;
  otpauth_url: string | null;
}

/**
 * Turns the second factor on (a new secret, shown once) or off. The secret is stored sealed under
 * the key file's TOTP key and never audited.
 */
export async function setTotp(db: Database, who: AuditActor, username: string, enabled: boolean): Promise<TotpSetup> {
  const row = await existing(db, username);
  const secret = enabled ? newTotpSecret() : null;
  await db.transaction(async (tx) => {
    const sealed = secret === null ? null : sealTotpSecret(tx.keys, username, secret);
    await updateAccount(tx, row.id, { totp_secret: sealed, totp_last_step: null });
    await appendAudit(tx, who, { action: enabled ? 'user.totp_on' : 'user.totp_off', target: username });
  });
  return { username, enabled, secret, otpauth_url: secret ? otpauthUrl(secret, username) : null };
}
