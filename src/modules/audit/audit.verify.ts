/**
 * `audit verify`: walks the chain from its anchor (the genesis, or the last pruned entry) to its
 * head. Entries from the database's key mark on must carry an HMAC under the key file's audit
 * key, so a chain rewritten by someone who can write the database but not read the key file
 * shows as altered; entries written before Outpost keyed its chain are checked by SHA-256, and
 * the mark (itself under the key) pins the last of them, so they cannot be rewritten either.
 *
 * @example
 *   const report = await verifyChain(db.kysely, db.keys);
 *   if (!report.intact) console.error(report.broken);
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Keys } from '../../db/keys.ts';
import { markHolds, readKeyMark } from '../../db/key-check.ts';
import { auditEntries } from './audit.repository.ts';
import { entryHash, entryMac } from './canonical.ts';

export interface ChainReport {
  intact: boolean;
  /** Entries checked. */
  entries: number;
  /** The head of the chain: record it elsewhere to detect a tail cut off together with its head. */
  head: { seq: number; hash: string };
  /** The first entry hashed under the key file's audit key (those before it are SHA-256 only). */
  keyed_from: number | null;
  /** The first entry that does not hold, and why. */
  broken?: { id: number; reason: string };
}

export async function verifyChain(db: Kysely<DB>, keys: Keys): Promise<ChainReport> {
  const chain = await db.selectFrom('audit_chain').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const head = { seq: Number(chain.last_seq), hash: chain.last_hash };
  const pruned = Number(chain.pruned_seq);
  const mark = await readKeyMark(db);
  let expectedId = pruned + 1;
  let prev = chain.pruned_hash;
  let entries = 0;
  const broken = (id: number, reason: string): ChainReport => ({
    intact: false,
    entries,
    head,
    keyed_from: mark?.keyed_from ?? null,
    broken: { id, reason },
  });
  if (!mark) return broken(expectedId, 'the mark where the keyed chain begins is missing (meta "keys")');
  if (mark.key_id !== keys.id)
    return broken(
      mark.keyed_from,
      `the chain is keyed with the key file whose id is ${mark.key_id}, not with this one (${keys.id})`,
    );
  if (!markHolds(keys, mark)) return broken(mark.keyed_from, 'the mark where the keyed chain begins was altered');
  const boundary = (): ChainReport | null =>
    expectedId === mark.keyed_from && prev !== mark.after
      ? broken(
          mark.keyed_from,
          `the keyed chain was marked to follow another entry ${mark.keyed_from - 1}: entries before it were rewritten`,
        )
      : null;
  let lastPrune: number | null = null;
  const atStart = boundary();
  if (atStart) return atStart;
  for await (const e of auditEntries(db)) {
    if (e.id !== expectedId) {
      return e.id > expectedId
        ? broken(expectedId, `entry ${expectedId} is missing (the next entry is ${e.id})`)
        : broken(e.id, `entry ${e.id} is out of place (expected ${expectedId})`);
    }
    if (e.prev_hash !== prev)
      return broken(e.id, `entry ${e.id} does not follow entry ${e.id - 1}: its previous hash differs`);
    const keyed = e.id >= mark.keyed_from;
    if ((keyed ? entryMac(keys.audit, prev, e) : entryHash(prev, e)) !== e.hash)
      return broken(e.id, `entry ${e.id} was altered: its content does not match its ${keyed ? 'keyed ' : ''}hash`);
    if (keyed && e.action === 'audit.prune') lastPrune = pruneThrough(e.detail);
    prev = e.hash;
    expectedId++;
    entries++;
    const atMark = boundary();
    if (atMark) return atMark;
  }
  if (expectedId - 1 !== head.seq)
    return broken(expectedId, `entries ${expectedId} to ${head.seq} are missing from the end of the log`);
  if (prev !== head.hash) return broken(head.seq, `entry ${head.seq} is not the recorded head of the chain`);
  // Entries deleted from the start look like a prune: a prune of keyed entries says how far it went.
  if (pruned >= mark.keyed_from && lastPrune !== pruned)
    return broken(pruned, `entries up to ${pruned} are gone, but no audit.prune entry says it pruned them`);
  return { intact: true, entries, head, keyed_from: mark.keyed_from };
}

function pruneThrough(detail: string): number | null {
  try {
    const through = (JSON.parse(detail) as { through?: unknown }).through;
    return typeof through === 'number' ? through : null;
  } catch {
    return null;
  }
}
