/**
 * Which keys a database belongs to, and from which audit entry on its chain is keyed: one row of
 * `meta` (`keys`), written when the database is first keyed (migration 010, or restoring a
 * backup made before it). The row holds the key's id (a fingerprint, not the key), the first
 * keyed entry's number, the hash of the entry before it, and an HMAC of both under the audit key,
 * so nobody without the key file can move the point where the keyed chain begins (and pass off
 * rewritten entries as older, unkeyed ones).
 *
 * @example
 *   await checkKeys(db.kysely, db.keys); // throws when the database was keyed with another key file
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Keys } from './keys.ts';
import { AppError } from '../shared/errors.ts';

const META_KEY = 'keys';

export interface KeyMark {
  key_id: string;
  /** The first audit entry hashed with the key (entries before it are SHA-256 only). */
  keyed_from: number;
  /** The hash of entry keyed_from - 1 (the genesis hash when there is none). */
  after: string;
  /** HMAC-SHA256 of keyed_from and after under the audit key. */
  mac: string;
}

function markMac(keys: Keys, keyedFrom: number, after: string): string {
  return createHmac('sha256', keys.audit)
    .update(`outpost audit chain keyed from ${keyedFrom} after ${after}`)
    .digest('hex');
}

/** Whether the mark was made with these keys and is as it was made. */
export function markHolds(keys: Keys, mark: KeyMark): boolean {
  const expected = Buffer.from(markMac(keys, mark.keyed_from, mark.after), 'hex');
  const given = Buffer.from(mark.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The mark of a database, or null when it has none (not keyed yet, or the row was deleted). */
export async function readKeyMark(db: Kysely<DB>): Promise<KeyMark | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirst();
  if (!row) return null;
  try {
    const mark = JSON.parse(row.value) as Partial<KeyMark>;
    return {
      key_id: String(mark.key_id ?? ''),
      keyed_from: Number(mark.keyed_from),
      after: String(mark.after ?? ''),
      mac: String(mark.mac ?? ''),
    };
  } catch {
    return { key_id: '', keyed_from: Number.NaN, after: '', mac: '' };
  }
}

/**
 * Marks the database as keyed with these keys from the next audit entry on. Inside the
 * transaction (or migration) that keys it; replaces a mark there was.
 */
export async function writeKeyMark(db: Kysely<DB>, keys: Keys): Promise<KeyMark> {
  const head = await db
    .selectFrom('audit_chain')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const keyed_from = Number(head.last_seq) + 1;
  const mark: KeyMark = {
    key_id: keys.id,
    keyed_from,
    after: head.last_hash,
    mac: markMac(keys, keyed_from, head.last_hash),
  };
  await db.deleteFrom('meta').where('key', '=', META_KEY).execute();
  await sql`insert into meta (key, value) values (${META_KEY}, ${JSON.stringify(mark)})`.execute(db);
  return mark;
}

/**
 * Refuses a database keyed with another key file: its TOTP secrets would not open and its audit
 * chain would go on under the wrong key. Says which key it wants and where this one came from.
 */
export async function checkKeys(db: Kysely<DB>, keys: Keys): Promise<void> {
  const mark = await readKeyMark(db);
  if (!mark || mark.key_id === keys.id) return;
  throw new AppError('key_file_other', { database_key: mark.key_id, file: keys.file ?? 'the keys in use', key: keys.id });
}
