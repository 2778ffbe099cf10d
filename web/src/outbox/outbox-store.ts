/**
 * The outbox: work records saved on this device because the server could not be reached, kept
 * in localStorage until the server takes them. Each signed-in account has a box of its own
 * (the key holds the username), so two officers sharing a phone never see or send each
 * other's records. Entries are kept in the order they were queued: the oldest is sent first.
 *
 * @example
 *   addToOutbox('li.wei', 'visits', { date: '2019-06-03', badge: '0100002', area_code: '…', household_ref: 'H1' });
 *   readOutbox('li.wei'); // [{ id, kind: 'visits', row, enteredAt, state: 'waiting' }]
 */

import type { Params } from '#core/errors/types.ts';

/**
 * A reason the server gave for refusing a record: a column, the registered code and its
 * parameters (said in the reader's language when shown), and the API's English text. Entries
 * kept before codes came have the text alone.
 */
export interface OutboxProblem {
  column: string;
  code?: string;
  params?: Params;
  reason: string;
}

export interface OutboxEntry {
  /** This device's own id for the entry (the record's own key is in `row`). */
  id: string;
  /** The §2 kind, as `POST records/{kind}` names it. */
  kind: string;
  /** The row exactly as the form would have sent it. */
  row: Record<string, string>;
  /** When it was entered on the device (ISO 8601). */
  enteredAt: string;
  /** `waiting` is sent by the next round; `rejected` waits for the officer to correct or discard it. */
  state: 'waiting' | 'rejected';
  /** Why the server refused it (its row errors, or its message under the column `''`). */
  problems?: OutboxProblem[];
  /** The refusal was a 403: outside the account's scope. */
  forbidden?: boolean;
  /** A waiting entry's last attempt failed on the server's side (not the network): shown, and tried again. */
  lastError?: string;
  /** That failure's code and parameters, when the server sent them. */
  lastErrorCode?: string;
  lastErrorParams?: Params;
}

const PREFIX = 'outpost.outbox.v1:';

/** The localStorage key of one account's box. */
export function outboxKey(user: string): string {
  return PREFIX + encodeURIComponent(user);
}

const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; entries: OutboxEntry[] }>();

/** Calls `listener` whenever any box changes, in this tab or (through `storage` events) another. */
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key.startsWith(PREFIX)) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The entries of `user`'s box, oldest first; the same array until the box changes. */
export function readOutbox(user: string): OutboxEntry[] {
  const key = outboxKey(user);
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(key);
  } catch {
    raw = null;
  }
  const hit = cache.get(key);
  if (hit && hit.raw === raw) return hit.entries;
  const entries = parse(key, raw);
  cache.set(key, { raw, entries });
  return entries;
}

function parse(key: string, raw: string | null): OutboxEntry[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) return value.filter(isEntry);
  } catch {
    // Fall through: set the unreadable text aside rather than overwrite it with the next write.
  }
  try {
    window.localStorage.setItem(`${key}.unreadable.${Date.now()}`, raw);
    window.localStorage.removeItem(key);
  } catch {
    // Nothing more can be done here; the next write replaces it.
  }
  return [];
}

function isEntry(e: unknown): e is OutboxEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    typeof o.kind === 'string' &&
    typeof o.enteredAt === 'string' &&
    (o.state === 'waiting' || o.state === 'rejected') &&
    typeof o.row === 'object' &&
    o.row !== null
  );
}

/** Writes `user`'s box; throws when the browser refuses (storage full or disabled), so the caller can say so. */
function write(user: string, entries: OutboxEntry[]): void {
  const key = outboxKey(user);
  if (entries.length === 0) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, JSON.stringify(entries));
  for (const listener of [...listeners]) listener();
}

function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Date.now().toString(36) + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Queues a record at the end of `user`'s box. Throws when it could not be stored. */
export function addToOutbox(
  user: string,
  kind: string,
  row: Record<string, string>,
  now: Date = new Date(),
): OutboxEntry {
  const entry: OutboxEntry = { id: newId(), kind, row: { ...row }, enteredAt: now.toISOString(), state: 'waiting' };
  write(user, [...readOutbox(user), entry]);
  return entry;
}

/**
 * A corrected record back in the queue, at its end (it is now the latest word on its key), with
 * its problems forgotten. An entry no longer in the box (sent or discarded meanwhile) is queued
 * again under the same id. Throws when it could not be stored.
 */
export function requeue(user: string, entry: OutboxEntry, row: Record<string, string>): void {
  const rest = readOutbox(user).filter((e) => e.id !== entry.id);
  write(user, [
    ...rest,
    { id: entry.id, kind: entry.kind, row: { ...row }, enteredAt: entry.enteredAt, state: 'waiting' },
  ]);
}

/** Changes one entry in place (its place in the queue kept); nothing when it is gone. */
export function updateEntry(user: string, id: string, change: (e: OutboxEntry) => OutboxEntry): void {
  const entries = readOutbox(user);
  if (!entries.some((e) => e.id === id)) return;
  write(
    user,
    entries.map((e) => (e.id === id ? change(e) : e)),
  );
}

/**
 * Takes an entry out of the box. With `ifRow`, only while its row is still that one: an entry
 * corrected in the form while its older version was being sent stays, to be sent in turn.
 */
export function removeEntry(user: string, id: string, ifRow?: Record<string, string>): void {
  const entries = readOutbox(user);
  const entry = entries.find((e) => e.id === id);
  if (!entry || (ifRow && !sameRow(entry.row, ifRow))) return;
  write(
    user,
    entries.filter((e) => e !== entry),
  );
}

/** Whether two rows hold the same values. */
export function sameRow(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
