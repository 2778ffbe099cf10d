/**
 * Queries of announced events, their deliveries and each attempt to send one. A delivery is
 * claimed by a conditional update (a lease), so two server processes never send it at once;
 * one whose process died is taken again when its lease runs out (at least once).
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, DeliveryTable, EventTable } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import type { StoredEvent } from './events.ts';

export type DeliveryRow = Selectable<DeliveryTable>;
export type EventRow = Selectable<EventTable>;

/** Inserts the event unless one of its id exists; true when it is new. */
export async function insertEvent(db: Kysely<DB>, row: Insertable<EventTable>): Promise<boolean> {
  const result = await db
    .insertInto('events')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getEvent(db: Kysely<DB>, id: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEvent(row) : undefined;
}

export function toEvent(row: EventRow): StoredEvent {
  const payload = JSON.parse(row.payload) as Pick<StoredEvent, 'title' | 'text' | 'link' | 'data'>;
  return {
    id: row.id,
    name: row.name as StoredEvent['name'],
    area: row.area_code,
    month: row.month,
    day: row.day,
    created_at: row.created_at,
    ...payload,
  };
}

/** Adds deliveries, leaving any (event, channel, recipient) that exists; answers how many were added. */
export async function insertDeliveries(db: Kysely<DB>, rows: Insertable<DeliveryTable>[]): Promise<number> {
  let added = 0;
  for (const row of rows) {
    const result = await db
      .insertInto('deliveries')
      .values(row)
      .onConflict((oc) => oc.columns(['event_id', 'channel_id', 'recipient']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Deliveries due at `now`: waiting and due, or claimed by a process whose lease ran out. */
export function dueDeliveries(db: Kysely<DB>, now: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('next_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a delivery to send it until `leaseUntil`; false when another process has it or it is done. */
export async function claimDelivery(db: Kysely<DB>, id: number, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({ status: 'sending', lease_until: leaseUntil })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves a waiting delivery later without counting an attempt (pace, quiet hours). */
export async function postpone(db: Kysely<DB>, id: number, until: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'pending', next_at: until, lease_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

export async function finishDelivery(
  db: Kysely<DB>,
  id: number,
  set: {
    status: 'sent' | 'pending' | 'failed' | 'cancelled';
    attempts?: number;
    next_at?: string;
    last_error?: string | null;
    sent_at?: string;
  },
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ ...set, lease_until: null })
    .where('id', '=', id)
    .execute();
}

export async function insertAttempt(
  db: Kysely<DB>,
  row: {
    delivery_id: number;
    channel_id: number;
    at: string;
    ok: boolean;
    status_code: number | null;
    error: string | null;
  },
): Promise<void> {
  await db
    .insertInto('delivery_attempts')
    .values({ ...row, ok: row.ok ? 1 : 0 })
    .execute();
}

/** The attempts on a channel since `since`, oldest first: what its pace counts. */
export async function attemptsSince(db: Kysely<DB>, channelId: number, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('delivery_attempts')
    .select('at')
    .where('channel_id', '=', channelId)
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

export function getDelivery(db: Kysely<DB>, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Sends a delivery that was given up (or cancelled) again, from now. */
export async function requeue(db: Kysely<DB>, id: number, now: string): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ status: 'pending', next_at: now, attempts: 0, lease_until: null })
    .where('id', '=', id)
    .execute();
}

export interface DeliveryFilter {
  id?: number;
  channel_id?: number;
  status?: string;
  event?: string;
  limit: number;
  offset: number;
}

export type DeliveryListRow = DeliveryRow & {
  channel_name: string | null;
  event_name: string;
  area_code: string | null;
  month: string | null;
  payload: string;
};

/** The delivery log, newest first. */
export function listDeliveries(
  db: Kysely<DB>,
  f: DeliveryFilter,
): Promise<{ items: DeliveryListRow[]; total: number }> {
  let q = db
    .selectFrom('deliveries as d')
    .innerJoin('events as e', 'e.id', 'd.event_id')
    .leftJoin('channels as c', 'c.id', 'd.channel_id')
    .selectAll('d')
    .select(['c.name as channel_name', 'e.name as event_name', 'e.area_code', 'e.month', 'e.payload']);
  if (f.id !== undefined) q = q.where('d.id', '=', f.id);
  if (f.channel_id !== undefined) q = q.where('d.channel_id', '=', f.channel_id);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.event) q = q.where('e.name', '=', f.event);
  return paged(q, (rows) => rows.orderBy('d.id', 'desc'), f);
}
