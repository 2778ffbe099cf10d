/**
 * Signing in and out. A session is a random token given to the client (cookie and bearer); the
 * database keeps only its SHA-256, with the account and an expiry. A successful sign-in also
 * gives the device a device cookie (device-cookie.ts), so that its next sign-ins are counted
 * apart from strangers' guesses (login-throttle.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import {
  anyAccount,
  deleteExpiredSessions,
  deleteSession,
  findAccount,
  findSession,
  insertSession,
  spendTotpStep,
  type AccountRow,
} from './accounts.repository.ts';
import {
  ADDRESS_FAILURES,
  ADDRESS_WINDOW_MS,
  addressLockedUntil,
  lastAttempts,
  loginGate,
  LOCK_FAILURES,
  recordAttempt,
  WINDOW_MS,
} from './login-throttle.ts';
import { verifyPassword } from './passwords.ts';
import { isRole, type Role } from '#core/accounts/permissions.ts';
import { matchTotp } from './totp.ts';
import { openTotpSecret } from './totp-secret.ts';
import { deviceOf, deviceTokens, newDeviceToken, withDeviceToken } from './device-cookie.ts';
import * as clock from '../../shared/clock.ts';

export const SESSION_HOURS = 12;

export interface SignedIn {
  token: string;
  account: AccountRow;
  expires_at: string;
  /** The device cookie's new value: this username's new token first, the device's others after. */
  deviceCookie: string;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export interface LoginOptions {
  /** OUTPOST_REQUIRE_ADMIN_TOTP=1: an admin cannot sign in without a second factor. */
  requireAdminTotp: boolean;
  now?: Date;
  /** The device cookie the request came with, if any. */
  deviceCookie?: string;
}

export async function login(
  db: Database,
  who: AuditActor,
  input: LoginInput,
  options: LoginOptions,
): Promise<SignedIn> {
  const now = options.now ?? clock.now();
  const { username } = input;
  const ip = who.ip ?? 'unknown';
  const anonymous = { ...who, actor: 'anonymous' };
  const tokens = deviceTokens(options.deviceCookie);
  const device = deviceOf(db.keys, tokens, username);
  const refuse = async (error: AppError, reason: string, counts: boolean): Promise<never> => {
    const addressLock = await db.transaction(async (tx) => {
      if (counts) await recordAttempt(tx, username, ip, 'failed', now, device);
      await appendAudit(
        tx,
        anonymous,
        {
          action: counts ? 'session.login_failed' : 'session.login_refused',
          target: username,
          outcome: 'refused',
          detail: { reason, known_device: device !== null },
        },
        now,
      );
      // The gate let this attempt through, so a lockout found now is one this failure started.
      const until = counts && device === null ? await addressLockedUntil(tx.kysely, ip, now) : null;
      if (until)
        await appendAudit(
          tx,
          anonymous,
          {
            action: 'session.address_locked',
            target: ip,
            outcome: 'refused',
            detail: {
              failures: ADDRESS_FAILURES,
              window_minutes: ADDRESS_WINDOW_MS / 60_000,
              until: until.toISOString(),
            },
          },
          now,
        );
      return until;
    });
    // Only a counted failure (a wrong password or code) can start a lockout; it says so.
    if (!addressLock || (error.code !== 'sign_in_wrong' && error.code !== 'totp_wrong')) throw error;
    throw new AppError(
      error.code,
      {
        ...error.params,
        address_failures: ADDRESS_FAILURES,
        address_minutes: ADDRESS_WINDOW_MS / 60_000,
        paused_until: addressLock.toISOString(),
      },
      error.details,
    );
  };
  if (!(await anyAccount(db.kysely))) return refuse(new AppError('no_account_yet', {}), 'no account exists', false);
  const gate = await loginGate(db.kysely, username, ip, device, now);
  if (gate.addressLockedUntil) {
    const seconds = Math.max(1, Math.ceil((gate.addressLockedUntil.getTime() - now.getTime()) / 1000));
    return refuse(
      new AppError(
        'address_locked',
        {
          failures: ADDRESS_FAILURES,
          minutes: ADDRESS_WINDOW_MS / 60_000,
          until: gate.addressLockedUntil.toISOString(),
          seconds,
        },
        [{ retry_after: seconds }],
      ),
      'address locked',
      false,
    );
  }
  if (gate.lockedUntil) {
    const seconds = Math.ceil((gate.lockedUntil.getTime() - now.getTime()) / 1000);
    return refuse(
      device
        ? new AppError(
            'device_locked',
            { username, until: gate.lockedUntil.toISOString(), failures: LOCK_FAILURES },
            [{ retry_after: seconds }],
          )
        : new AppError('account_locked', { username, until: gate.lockedUntil.toISOString(), failures: LOCK_FAILURES }, [
            { retry_after: seconds },
          ]),
      device ? 'device locked' : 'locked',
      false,
    );
  }
  if (gate.throttledFor) {
    return refuse(
      new AppError('sign_in_throttled', { username, seconds: gate.throttledFor }, [{ retry_after: gate.throttledFor }]),
      'throttled',
      false,
    );
  }
  const account = await findAccount(db.kysely, username);
  if (!(await verifyPassword(account?.password_hash ?? null, input.password)) || !account) {
    return refuse(new AppError('sign_in_wrong', await lockNotice(db, username, device)), 'password', true);
  }
  if (account.disabled_at) return refuse(new AppError('account_disabled', { username }), 'disabled', false);
  const role = account.role as Role;
  if (!account.totp_secret && role === 'admin' && options.requireAdminTotp) {
    return refuse(new AppError('admin_totp_required', { username }), 'totp not set up', false);
  }
  let step: number | null = null;
  if (account.totp_secret) {
    if (!input.totp) {
      return refuse(
        new AppError('totp_required', {}, [{ path: 'totp', message: 'required', totp_required: true }]),
        'totp missing',
        false,
      );
    }
    step = matchTotp(
      openTotpSecret(db.keys, account.username, account.totp_secret),
      input.totp,
      now.getTime(),
      account.totp_last_step === null ? null : Number(account.totp_last_step),
    );
    if (step === null) return refuse(new AppError('totp_wrong', await lockNotice(db, username, device)), 'totp', true);
  }
  const token = randomBytes(32).toString('base64url');
  const expires_at = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db.transaction(async (tx) => {
    if (step !== null && !(await spendTotpStep(tx, account.id, step))) throw new AppError('totp_wrong', {});
    await recordAttempt(tx, username, ip, 'ok', now, device);
    await deleteExpiredSessions(tx, now.toISOString());
    await insertSession(tx, {
      token_hash: tokenHash(token),
      account_id: account.id,
      created_at: now.toISOString(),
      expires_at,
      ip: who.ip,
    });
    await appendAudit(
      tx,
      { ...who, actor: `user:${username}` },
      {
        action: 'session.login',
        target: username,
        detail: { expires_at, totp: step !== null, known_device: device !== null },
      },
      now,
    );
  });
  const deviceCookie = withDeviceToken(tokens, username, newDeviceToken(db.keys, username));
  return { token, account, expires_at, deviceCookie };
}

/** Says so when the failure being recorded is the one that locks the username (for strangers, or this device). */
async function lockNotice(
  db: Database,
  username: string,
  device: string | null,
): Promise<{ locked_after?: number; locked_minutes?: number; username?: string; from_device?: boolean }> {
  const last = await lastAttempts(db.kysely, username, device, LOCK_FAILURES - 1);
  const locks = last.length === LOCK_FAILURES - 1 && last.every((a) => a.outcome === 'failed');
  if (!locks) return {};
  const notice = { locked_after: LOCK_FAILURES, locked_minutes: WINDOW_MS / 60_000, username };
  return device ? { ...notice, from_device: true } : notice;
}

export interface ActiveSession {
  tokenHash: string;
  expires_at: string;
  account: AccountRow & { role: Role };
}

/** The session a token opens, or null when it is unknown, expired, or its account disabled. */
export async function resolveSession(
  db: Database,
  token: string,
  now: Date = clock.now(),
): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const found = await findSession(db.kysely, tokenHash(token));
  if (!found || found.expires_at <= now.toISOString() || found.account.disabled_at || !isRole(found.account.role))
    return null;
  return {
    tokenHash: found.token_hash,
    expires_at: found.expires_at,
    account: found.account as AccountRow & { role: Role },
  };
}

export async function logout(db: Database, who: AuditActor, session: ActiveSession): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await appendAudit(tx, who, { action: 'session.logout', target: session.account.username });
  });
}
