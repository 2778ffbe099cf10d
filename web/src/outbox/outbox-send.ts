/**
 * Sending an account's outbox: each waiting record, oldest first, to `POST records/{kind}`, one
 * at a time. A record the server takes leaves the box; one it refuses (its rules, 4xx) stays,
 * marked rejected with the reasons, for the officer to correct or discard; no answer at all (the
 * network, or a proxy's 502/503/504) ends the round and everything stays for the next one.
 *
 * Why sending a record again is harmless: the API merges rows by the kind's key as an import
 * does (added, replaced, or unchanged; `src/modules/imports/merge.ts`), and every record kept
 * here carries its key in its row, fixed when it was entered:
 * - surveys, info_reports, incidents, familiarity_checks: `ref`, drawn on the device when the
 *   form was filled (`newRef`) and stored with the row;
 * - visits: badge + date + household_ref; patrol_logs: patrol_code + date (the natural keys).
 * So a record whose first sending reached the server but whose answer was lost (the network
 * dropped on the way back) comes again with the same key and the same data: the server finds
 * it unchanged and writes nothing (an officer's scope check passes again too: the stored row it
 * would replace is the officer's own). Records of the same key are sent in the order they were
 * queued, and a later one waits while an earlier one stays, so the latest entry is the one kept.
 */
import { ApiError } from '../api/client.ts';
import { kindByName } from '../records/kinds.ts';
import { postRows } from '../records/upload.ts';
import { readOutbox, removeEntry, sameRow, updateEntry, type OutboxEntry, type OutboxProblem } from './outbox-store.ts';

/** Saving met no server: no network (fetch's own failure, status 0) or a proxy with none behind it. */
export function unreachable(e: unknown): boolean {
  if (e instanceof ApiError) return e.status === 0 || e.status === 502 || e.status === 503 || e.status === 504;
  return e instanceof TypeError; // fetch rejects with a TypeError when there is no network
}

/** What a refusal says: its row errors, or its message alone (under no column). */
export function problemsOf(e: ApiError): OutboxProblem[] {
  return e.rowErrors.length
    ? e.rowErrors.map((r) => ({ column: r.column, code: r.code, params: r.params, reason: r.reason }))
    : [{ column: '', code: e.code, params: e.params, reason: e.message }];
}

/** How a round ended: all tried, the server out of reach or busy, or the session gone (the login shows). */
export type RoundEnd = 'done' | 'later' | 'unauthorized' | 'elsewhere';

export interface Round {
  sent: number;
  rejected: number;
  end: RoundEnd;
}

export interface RoundOptions {
  /** Called before each record is sent: the entry, how many were tried before it, of how many. */
  onEntry?(entry: OutboxEntry, done: number, total: number): void;
}

/**
 * Sends `user`'s waiting records. Another tab sending the same box at the time makes this one
 * stand back (`elsewhere`), where the browser has Web Locks; without them a record may go
 * twice, which the key makes harmless.
 */
export async function sendOutbox(user: string, options: RoundOptions = {}): Promise<Round> {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
  if (!locks) return round(user, options);
  return locks.request(`outpost.outbox:${user}`, { ifAvailable: true }, (lock) =>
    lock ? round(user, options) : { sent: 0, rejected: 0, end: 'elsewhere' as const },
  );
}

async function round(user: string, options: RoundOptions): Promise<Round> {
  const queue = readOutbox(user).filter((e) => e.state === 'waiting');
  const held = new Set<string>();
  let sent = 0;
  let rejected = 0;
  for (const [i, queued] of queue.entries()) {
    const key = recordKey(queued);
    if (held.has(key)) continue;
    // Read afresh: the officer may have corrected or discarded it since the round began.
    const entry = readOutbox(user).find((e) => e.id === queued.id);
    if (!entry || entry.state !== 'waiting') continue;
    options.onEntry?.(entry, i, queue.length);
    try {
      await postRows(entry.kind, [entry.row], { dryRun: false });
      removeEntry(user, entry.id, entry.row);
      sent++;
    } catch (e) {
      if (unreachable(e) || (e instanceof ApiError && (e.status === 408 || e.status === 429)))
        return { sent, rejected, end: 'later' };
      // The API's 401 has already brought up the login; the round resumes after it.
      if (e instanceof ApiError && e.status === 401) return { sent, rejected, end: 'unauthorized' };
      held.add(key);
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        rejected++;
        const problems = problemsOf(e);
        updateEntry(user, entry.id, (now) =>
          sameRow(now.row, entry.row)
            ? { ...now, state: 'rejected', problems, forbidden: e.status === 403, lastError: undefined }
            : now,
        );
      } else {
        // The server failed (500, 507): not the record's fault; it stays waiting and is tried again.
        const message = e instanceof Error ? e.message : String(e);
        const coded = e instanceof ApiError ? { lastErrorCode: e.code, lastErrorParams: e.params } : {};
        updateEntry(user, entry.id, (now) => ({ ...now, lastError: message, ...coded }));
      }
    }
  }
  return { sent, rejected, end: 'done' };
}

/**
 * Whether a record of this key waits in `user`'s box: saved now, it would be replaced by that
 * older one when the outbox is sent, so it must queue behind it.
 */
export function waitsInOutbox(user: string, kind: string, row: Record<string, string>): boolean {
  const key = recordKey({ id: '', kind, row });
  return readOutbox(user).some((e) => e.state === 'waiting' && recordKey(e) === key);
}

/** The record's key as the API merges it (`visits|0100002|2019-06-03|H1`); the entry's id if the kind is unknown. */
export function recordKey(entry: Pick<OutboxEntry, 'id' | 'kind' | 'row'>): string {
  const kind = kindByName(entry.kind);
  if (!kind) return entry.id;
  return [entry.kind, ...kind.key.map((k) => (entry.row[k] ?? '').trim())].join('|');
}
