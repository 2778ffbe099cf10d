/**
 * The audit trail: append-only, hash-chained entries of who did what, when and from where.
 * An entry is appended inside the transaction of the act it records, so the act and its entry
 * commit together or not at all.
 *
 * @example
 *   await db.transaction(async (tx) => {
 *     ...the write...
 *     await appendAudit(tx, who, { action: 'records.write', target: 'surveys', detail: { written: 3 } });
 *   });
 */
import { sql, type Kysely } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import type { AuditLogTable, DB } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import { GENESIS_HASH } from '../../db/migrations/002-accounts-and-audit.ts';
import { canonicalJson, entryHash } from './canonical.ts';
import * as clock from '../../shared/clock.ts';

/** Who acts and through what: an account or the operating-system user, a route or a command. */
export interface AuditActor {
  /** `user:<username>`, `os:<user>` (the CLI), or `anonymous` (a failed sign-in). */
  actor: string;
  /** `POST /api/v1/records/:kind`, `outpost import`, ... */
  via: string;
  /** The client's address; null for the CLI. */
  ip: string | null;
}

export interface AuditEvent {
  /** What was done, e.g. `records.write`, `session.login_failed`, `people.read`. */
  action: string;
  /** What it was done to: a kind, a username, a badge, a unit. */
  target?: string | null;
  outcome?: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown>;
}

export type AuditEntry = AuditLogTable;

/** Appends one entry at the head of the chain, inside the caller's transaction. */
export async function appendAudit(
  tx: Tx,
  who: AuditActor,
  event: AuditEvent,
  now: Date = clock.now(),
): Promise<AuditEntry> {
  // Raising the head first takes its row lock (PostgreSQL) or the write lock (SQLite), so the
  // previous hash read here is still the head when this entry commits.
  const head = await tx.kysely
    .updateTable('audit_chain')
    .set({ last_seq: sql`last_seq + 1` })
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const fields = {
    id: Number(head.last_seq),
    at: now.toISOString(),
    actor: who.actor,
    action: event.action,
    target: event.target ?? null,
    via: who.via,
    ip: who.ip,
    outcome: event.outcome ?? 'ok',
    detail: canonicalJson(event.detail ?? {}),
  };
  const entry = { ...fields, prev_hash: head.last_hash, hash: entryHash(head.last_hash, fields) };
  await tx.kysely.insertInto('audit_log').values(entry).execute();
  await tx.kysely.updateTable('audit_chain').set({ last_hash: entry.hash }).where('id', '=', 1).execute();
  return entry;
}

/** Appends one entry in a transaction of its own (reads, refusals, failed sign-ins). */
export function audit(db: Database, who: AuditActor, event: AuditEvent): Promise<AuditEntry> {
  return db.transaction((tx) => appendAudit(tx, who, event));
}

export interface AuditFilter {
  since?: string;
  until?: string;
  actor?: string;
  action?: string;
  limit: number;
  offset: number;
}

/** Entries, newest first, by time span, actor or action. */
export async function findAudit(db: Kysely<DB>, f: AuditFilter): Promise<{ items: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (f.since) query = query.where('at', '>=', f.since);
  if (f.until) query = query.where('at', '<', f.until);
  if (f.actor) query = query.where('actor', '=', f.actor);
  if (f.action) query = query.where('action', '=', f.action);
  const { items, total } = await paged(query, (q) => q.selectAll().orderBy('id', 'desc'), f);
  return { items: items.map(normalize), total };
}

/** Every entry from `since` on, oldest first, a page at a time (constant memory). */
export async function* auditEntries(db: Kysely<DB>, since?: string): AsyncGenerator<AuditEntry> {
  let after = 0;
  for (;;) {
    let query = db.selectFrom('audit_log').selectAll().where('id', '>', after);
    if (since) query = query.where('at', '>=', since);
    const page = await query.orderBy('id').limit(1000).execute();
    for (const row of page) yield normalize(row);
    if (page.length < 1000) return;
    after = Number(page[page.length - 1].id);
  }
}

export interface ChainReport {
  intact: boolean;
  /** Entries checked. */
  entries: number;
  /** The head of the chain: record it elsewhere to detect a chain rewritten from scratch. */
  head: { seq: number; hash: string };
  /** The first entry that does not hold, and why. */
  broken?: { id: number; reason: string };
}

/** Walks the chain from its anchor (the genesis, or the last pruned entry) to its head. */
export async function verifyChain(db: Kysely<DB>): Promise<ChainReport> {
  const chain = await db.selectFrom('audit_chain').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  const head = { seq: Number(chain.last_seq), hash: chain.last_hash };
  let expectedId = Number(chain.pruned_seq) + 1;
  let prev = chain.pruned_hash;
  let entries = 0;
  const broken = (id: number, reason: string): ChainReport => ({
    intact: false,
    entries,
    head,
    broken: { id, reason },
  });
  for await (const e of auditEntries(db)) {
    if (e.id !== expectedId) {
      return e.id > expectedId
        ? broken(expectedId, `entry ${expectedId} is missing (the next entry is ${e.id})`)
        : broken(e.id, `entry ${e.id} is out of place (expected ${expectedId})`);
    }
    if (e.prev_hash !== prev)
      return broken(e.id, `entry ${e.id} does not follow entry ${e.id - 1}: its previous hash differs`);
    if (entryHash(prev, e) !== e.hash)
      return broken(e.id, `entry ${e.id} was altered: its content does not match its hash`);
    prev = e.hash;
    expectedId++;
    entries++;
  }
  if (expectedId - 1 !== head.seq)
    return broken(expectedId, `entries ${expectedId} to ${head.seq} are missing from the end of the log`);
  if (prev !== head.hash) return broken(head.seq, `entry ${head.seq} is not the recorded head of the chain`);
  return { intact: true, entries, head };
}

/**
 * Deletes the entries older than `before` (the database refuses any younger than the retention),
 * and moves the chain's anchor to the last one deleted so the rest still verifies.
 */
export async function pruneAudit(tx: Tx, before: string): Promise<number> {
  const firstKept = await tx.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.min<number>('id').as('id'))
    .where('at', '>=', before)
    .executeTakeFirst();
  const last = await tx.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .executeTakeFirst();
  const through = firstKept?.id != null ? Number(firstKept.id) - 1 : Number(last?.id ?? 0);
  const anchor = await tx.kysely
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .where('id', '=', through)
    .executeTakeFirst();
  if (!anchor) return 0;
  const result = await tx.kysely.deleteFrom('audit_log').where('id', '<=', through).executeTakeFirst();
  await tx.kysely
    .updateTable('audit_chain')
    .set({ pruned_seq: through, pruned_hash: anchor.hash })
    .where('id', '=', 1)
    .execute();
  return Number(result.numDeletedRows);
}

function normalize(row: AuditEntry): AuditEntry {
  return { ...row, id: Number(row.id) };
}

export { GENESIS_HASH };
