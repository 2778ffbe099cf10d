/**
 * Throttling and lockout of sign-ins, kept in the database so every server process and restart
 * sees the same counts:
 * - throttle: after 5 failures for one username from one address within 15 minutes, that
 *   address waits (429 with Retry-After) until the oldest of them is 15 minutes old;
 * - lockout: after 10 failures in a row for one username, from anywhere, the username is locked
 *   for 15 minutes from the last one. A success or an admin's reset ends the run. Usernames
 *   that do not exist lock the same way, so a lock tells nothing about which accounts exist;
 * - address lockout (password spraying: a few guesses at each of many usernames): after 20
 *   failures from one address within an hour, whatever the usernames, every sign-in from it waits
 *   (429 with Retry-After) until fewer than 20 remain within the hour. A failure followed by a
 *   success of the same username from the same address (a typo, then the right password) does
 *   not count, so the people behind one office's address are not held back by their own typos.
 *
 * The address is Fastify's `request.ip`, so behind a proxy it is what OUTPOST_TRUST_PROXY lets
 * Fastify take from X-Forwarded-For (see buildApp).
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

export const THROTTLE_FAILURES = 5;
export const LOCK_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;
/** Attempts older than this count for nothing and are deleted. */
const KEEP_MS = 24 * 60 * 60 * 1000;
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MS = 60 * 60 * 1000;

export interface LoginGate {
  /** When the address's lockout ends, when locked out. */
  addressLockedUntil: Date | null;
  /** Seconds the address must wait, when throttled. */
  throttledFor: number | null;
  /** When the username's lock ends, when locked. */
  lockedUntil: Date | null;
}

export async function loginGate(db: Kysely<DB>, username: string, ip: string, now: Date): Promise<LoginGate> {
  const lastGood = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .where('username', '=', username)
    .where('outcome', 'in', ['ok', 'reset'])
    .executeTakeFirst();
  const since = Number(lastGood?.id ?? 0);
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const recent = await db
    .selectFrom('login_attempts')
    .select('at')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('outcome', '=', 'failed')
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
  const last = await db
    .selectFrom('login_attempts')
    .select(['at', 'outcome'])
    .where('username', '=', username)
    .orderBy('id', 'desc')
    .limit(LOCK_FAILURES)
    .execute();
  let lockedUntil: Date | null = null;
  if (last.length === LOCK_FAILURES && last.every((a) => a.outcome === 'failed')) {
    const until = new Date(Date.parse(last[0].at) + WINDOW_MS);
    if (until > now) lockedUntil = until;
  }
  return { addressLockedUntil: await addressLockedUntil(db, ip, now), throttledFor, lockedUntil };
}

/**
 * When the lockout of an address ends, or null when it is not locked out: the moment fewer than
 * ADDRESS_FAILURES of its counted failures remain within the window. Refused sign-ins are not
 * failures, so an address cannot lengthen its own lockout and the rows read stay few.
 */
export async function addressLockedUntil(db: Kysely<DB>, ip: string, now: Date): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString();
  const failures = await db
    .selectFrom('login_attempts as f')
    .select('f.at')
    .where('f.ip', '=', ip)
    .where('f.outcome', '=', 'failed')
    .where('f.at', '>', windowStart)
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
  outcome: 'ok' | 'failed' | 'reset',
  now: Date,
): Promise<void> {
  await tx.kysely.insertInto('login_attempts').values({ username, ip, at: now.toISOString(), outcome }).execute();
  await tx.kysely
    .deleteFrom('login_attempts')
    .where('at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
    .execute();
}
