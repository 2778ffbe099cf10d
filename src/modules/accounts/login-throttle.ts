/**
 * Throttling and lockout of sign-ins, kept in the database so every server process and restart
 * sees the same counts. Attempts from a device that signed in as the username before (a valid
 * device cookie, device-cookie.ts) are counted for that device alone; all others are strangers':
 * - throttle: after 5 strangers' failures for one username from one address within 15 minutes,
 *   that address waits (429 with Retry-After) until the oldest of them is 15 minutes old;
 * - lockout: after 10 strangers' failures in a row for one username, from anywhere, the
 *   username is locked for strangers for 15 minutes from the last one. A stranger's success, an
 *   admin's reset or unlock ends the run; a known device's success does not (the strangers may
 *   still be guessing). Usernames that do not exist lock the same way, so a lock tells nothing
 *   about which accounts exist;
 * - device lockout: after 10 failures in a row from one known device, that device is locked for
 *   the username for 15 minutes from the last one; other devices and the strangers' count are
 *   not touched;
 * - address lockout (password spraying: a few guesses at each of many usernames): after 20
 *   strangers' failures from one address within an hour, whatever the usernames, every
 *   stranger's sign-in from it waits (429 with Retry-After) until fewer than 20 remain within the
 *   hour. A failure followed by a success of the same username from the same address (a typo,
 *   then the right password) does not count, so the people behind one office's address are not
 *   held back by their own typos; an admin's unlock of the address ends the count.
 *
 * The address is Fastify's `request.ip`, so behind a proxy it is what OUTPOST_TRUST_PROXY lets
 * Fastify take from X-Forwarded-For (see buildApp).
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { DB, LoginAttemptTable } from '../../db/schema.ts';

export const THROTTLE_FAILURES = 5;
export const LOCK_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
/** Attempts older than this count for nothing and are deleted. */
const KEEP_MS = 24 * 60 * 60 * 1000;
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 60 * 60 * 1000;
/** The username of a row that concerns a whole address (an admin's unlock of it). */
const ANY_USERNAME = '';

export interface LoginGate {
  /** When the address's lockout ends, when locked out (strangers only). */
  addressLockedUntil: Date | null;
  /** Seconds the address must wait, when throttled (strangers only). */
  throttledFor: number | null;
  /** When the username's lock ends, when locked: for strangers, or for the known device. */
  lockedUntil: Date | null;
}

/** What holds a sign-in back: for a known device its own lock only, for a stranger all the rest. */
export async function loginGate(
  db: Kysely<DB>,
  username: string,
  ip: string,
  device: string | null,
  now: Date,
): Promise<LoginGate> {
  if (device !== null)
    return { addressLockedUntil: null, throttledFor: null, lockedUntil: await lockedUntil(db, username, device, now) };
  const lastGood = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .where('username', '=', username)
    .where((eb) =>
      eb.or([eb('outcome', 'in', ['reset', 'unlock']), eb.and([eb('outcome', '=', 'ok'), eb('device', 'is', null)])]),
    )
    .executeTakeFirst();
  const since = Number(lastGood?.id ?? 0);
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const recent = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('outcome', '=', 'failed')
    .where('device', 'is', null)
    .where('id', '>', since)
    .where('at', '>', windowStart)
    .orderBy('id')
    .execute();
  let throttledFor: number | null = null;
  if (recent.length >= THROTTLE_FAILURES) {
    // Lifted once fewer than THROTTLE_FAILURES failures remain inside the window.
    const liftsAt = Date.parse(recent[recent.length - THROTTLE_FAILURES].at) + WINDOW_MS;
    throttledFor = Math.max(1, Math.ceil((liftsAt - now.getTime()) / 1000));
  }
  return {
    addressLockedUntil: await addressLockedUntil(db, ip, now),
    throttledFor,
    lockedUntil: await lockedUntil(db, username, null, now),
  };
}

/**
 * The last attempts of a username from one device (null: from strangers), with the admin's
 * resets and unlocks between them, newest first.
 */
export function lastAttempts(
  db: Kysely<DB>,
  username: string,
  device: string | null,
  limit: number,
): Promise<Pick<LoginAttemptTable, 'at' | 'outcome'>[]> {
  return db
    .selectFrom('login_attempts')
    .select(['at', 'outcome'])
    .where('username', '=', username)
    .where((eb) =>
      eb.or([
        device === null ? eb('device', 'is', null) : eb('device', '=', device),
        eb('outcome', 'in', ['reset', 'unlock']),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** When the lock of a username for a device (null: for strangers) ends, or null when it is not locked. */
export async function lockedUntil(
  db: Kysely<DB>,
  username: string,
  device: string | null,
  now: Date,
): Promise<Date | null> {
  const last = await lastAttempts(db, username, device, LOCK_FAILURES);
  if (last.length < LOCK_FAILURES || !last.every((a) => a.outcome === 'failed')) return null;
  const until = new Date(Date.parse(last[0].at) + WINDOW_MS);
  return until > now ? until : null;
}

/**
 * When the lockout of an address ends, or null when it is not locked out: the moment fewer than
 * ADDRESS_FAILURES of its counted failures remain within the window. Refused sign-ins are not
 * failures, so an address cannot lengthen its own lockout and the rows read stay few.
 */
export async function addressLockedUntil(db: Kysely<DB>, ip: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString();
  const unlocked = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .where('username', '=', ANY_USERNAME)
    .where('ip', '=', ip)
    .where('outcome', '=', 'unlock')
    .executeTakeFirst();
  const failures = await db
    .selectFrom('login_attempts as f')
    .select('f.at')
    .where('f.ip', '=', ip)
    .where('f.outcome', '=', 'failed')
    .where('f.device', 'is', null)
    .where('f.at', '>', windowStart)
    .where('f.id', '>', Number(unlocked?.id ?? 0))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('login_attempts as s')
            .select('s.id')
            .whereRef('s.username', '=', 'f.username')
            .whereRef('s.ip', '=', 'f.ip')
            .where('s.outcome', '=', 'ok')
            .whereRef('s.id', '>', 'f.id'),
        ),
      ),
    )
    .orderBy('f.id')
    .execute();
  if (failures.length < ADDRESS_FAILURES) return null;
  const until = new Date(Date.parse(failures[failures.length - ADDRESS_FAILURES].at) + ADDRESS_WINDOW_MS);
  return until > now ? until : null;
}

export async function recordAttempt(
  tx: Tx,
  username: string,
  ip: string,
  outcome: LoginAttemptTable['outcome'],
  now: Date,
  device: string | null = null,
): Promise<void> {
  await tx.kysely
    .insertInto('login_attempts')
    .values({ username, ip, at: now.toISOString(), outcome, device })
    .execute();
  await tx.kysely
    .deleteFrom('login_attempts')
    .where('at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
    .execute();
}

/** An admin lifts an address's lockout: its failures so far count no more. */
export function recordAddressUnlock(tx: Tx, address: string, now: Date): Promise<void> {
  return recordAttempt(tx, ANY_USERNAME, address, 'unlock', now);
}

/** Usernames (and their known devices) with a failure young enough to hold a lock now. */
export async function recentlyFailed(
  db: Kysely<DB>,
  now: Date,
): Promise<{ username: string; device: string | null }[]> {
  return db
    .selectFrom('login_attempts')
    .select(['username', 'device'])
    .distinct()
    .where('outcome', '=', 'failed')
    .where('at', '>', new Date(now.getTime() - WINDOW_MS).toISOString())
    .orderBy('username')
    .limit(1000)
    .execute();
}

/** Addresses with strangers' failures young enough to hold an address lockout now. */
export async function recentlyFailedAddresses(db: Kysely<DB>, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('ip')
    .distinct()
    .where('outcome', '=', 'failed')
    .where('device', 'is', null)
    .where('at', '>', new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString())
    .orderBy('ip')
    .limit(1000)
    .execute();
  return rows.map((r) => r.ip);
}
