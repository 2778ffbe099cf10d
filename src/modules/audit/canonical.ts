/**
 * The canonical form of an audit entry and its place in the chain: a MAC over the previous
 * entry's hash followed by the entry's canonical JSON (keys sorted, no spaces). Entries are
 * keyed (HMAC-SHA256 under the key file's audit key) from the database's key mark on
 * (db/key-check.ts); entries written before Outpost keyed its chain keep their plain SHA-256.
 *
 * @example
 *   entryMac(keys.audit, GENESIS_HASH, { id: 1, at: '2024-01-01T00:00:00.000Z', actor: 'os:root', ... });
 */
import { createHash, createHmac } from 'node:crypto';

/** The fields that are hashed: everything an entry says, but not its own hashes. */
export interface AuditFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  via: string;
  ip: string | null;
  outcome: string;
  detail: string;
}

/** JSON with object keys sorted at every depth, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function canonicalEntry(fields: AuditFields): string {
  const { id, at, actor, action, target, via, ip, outcome, detail } = fields;
  return canonicalJson({ id: Number(id), at, actor, action, target, via, ip, outcome, detail });
}

/** The hash of an entry written before the chain was keyed: SHA-256, which anyone can recompute. */
export function entryHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(fields)).digest('hex');
}

/** The hash of a keyed entry: HMAC-SHA256 under the audit key, which lives outside the database. */
export function entryMac(key: Buffer, prevHash: string, fields: AuditFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalEntry(fields)).digest('hex');
}
