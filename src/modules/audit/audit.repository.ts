/**
 * The audit trail: append-only entries of who did what, when and from where, each chained to the
 * one before by an HMAC under a key kept outside the database (canonical.ts, db/keys.ts).
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
import { canonicalJson, entryMac } from './canonical.ts';
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
  const entry = { ...fields, prev_hash: head.last_hash, hash: entryMac(tx.keys.audit, head.last_hash, fields) };
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

/**
 * Deletes the entries older than `before` (the database refuses any younger than the retention),
 * and moves the chain's anchor to the last one deleted so the rest still verifies. Answers how
 * many went and the last one's number (`through`), which the prune's own entry records.
 */
export async function pruneAudit(tx: Tx, before: string): Promise<{ deleted: number; through: number }> {
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
  if (!anchor) return { deleted: 0, through: 0 };
  const result = await tx.kysely.deleteFrom('audit_log').where('id', '<=', through).executeTakeFirst();
  await tx.kysely
    .updateTable('audit_chain')
    .set({ pruned_seq: through, pruned_hash: anchor.hash })
    .where('id', '=', 1)
    .execute();
  return { deleted: Number(result.numDeletedRows), through };
}

function normalize(row: AuditEntry): AuditEntry {
  return { ...row, id: Number(row.id) };
}

export { GENESIS_HASH };
