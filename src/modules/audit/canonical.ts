/**
 * The canonical form of an audit entry and its place in the chain: SHA-256 over the previous
 * entry's hash followed by the entry's canonical JSON (keys sorted, no spaces).
 *
 * @example
 *   entryHash(GENESIS_HASH, { id: 1, at: '2024-01-01T00:00:00.000Z', actor: 'os:root', ... });
 */
import { createHash } from 'node:crypto';

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

export function entryHash(prevHash: string, fields: AuditFields): string {
  const { id, at, actor, action, target, via, ip, outcome, detail } = fields;
  const canonical = canonicalJson({ id: Number(id), at, actor, action, target, via, ip, outcome, detail });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
