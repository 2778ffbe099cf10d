/**
 * The sign-in locks in force, and an admin lifting them (the CLI's `outpost user unlock` and the
 * accounts page alike): a username's lock (for strangers, and for each of its known devices), or
 * an address's lockout. Lifting is audited and ends the run of failures, so the next failure
 * starts counting again from nothing.
 *
 * @example
 *   await liftUsernameLock(db, commandActor('user unlock'), 'admin');
 */
import type { Database } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit.repository.ts';
import type { SignInLock } from '#core/contracts/accounts.schema.ts';
import { findAccount } from './accounts.repository.ts';
import {
  addressLockedUntil,
  lockedUntil,
  recentlyFailed,
  recentlyFailedAddresses,
  recordAddressUnlock,
  recordAttempt,
} from './login-throttle.ts';
import * as clock from '../../shared/clock.ts';

/** Every lock in force now: usernames (for strangers, or for a known device) and addresses. */
export async function signInLocks(db: Database, now: Date = clock.now()): Promise<SignInLock[]> {
  const locks: SignInLock[] = [];
  for (const { username, device } of await recentlyFailed(db.kysely, now)) {
    if (username === '') continue;
    const until = await lockedUntil(db.kysely, username, device, now);
    if (!until) continue;
    const account = (await findAccount(db.kysely, username)) !== undefined;
    locks.push({
      kind: device === null ? 'username' : 'device',
      username,
      address: null,
      account,
      until: until.toISOString(),
    });
  }
  for (const address of await recentlyFailedAddresses(db.kysely, now)) {
    const until = await addressLockedUntil(db.kysely, address, now);
    if (until) locks.push({ kind: 'address', username: null, address, account: false, until: until.toISOString() });
  }
  return locks;
}

/** Lifts every lock of a username (strangers' and devices'); says whether one was in force. */
export async function liftUsernameLock(db: Database, who: AuditActor, username: string): Promise<{ lifted: boolean }> {
  const now = clock.now();
  const held = (await signInLocks(db, now)).filter((l) => l.username === username);
  await db.transaction(async (tx) => {
    await recordAttempt(tx, username, who.ip ?? 'cli', 'unlock', now);
    await appendAudit(
      tx,
      who,
      { action: 'user.unlock', target: username, detail: { locks: held.map((l) => l.kind) } },
      now,
    );
  });
  return { lifted: held.length > 0 };
}

/** Lifts an address's lockout; says whether one was in force. */
export async function liftAddressLock(db: Database, who: AuditActor, address: string): Promise<{ lifted: boolean }> {
  const now = clock.now();
  const held = (await addressLockedUntil(db.kysely, address, now)) !== null;
  await db.transaction(async (tx) => {
    await recordAddressUnlock(tx, address, now);
    await appendAudit(tx, who, { action: 'address.unlock', target: address, detail: { locked: held } }, now);
  });
  return { lifted: held };
}
