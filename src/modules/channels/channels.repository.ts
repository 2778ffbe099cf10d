/**
 * Queries of channels and the accounts' subscriptions to them; no rules here (channels.service.ts,
 * subscriptions.service.ts). Writes take the transaction's Kysely.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ChannelTable, DB } from '../../db/schema.ts';

export type ChannelRow = Selectable<ChannelTable>;

export interface ChannelStats {
  pending: number;
  sent: number;
  failed: number;
  last_sent_at: string | null;
  last_error: string | null;
}

export async function insertChannel(db: Kysely<DB>, row: Insertable<ChannelTable>): Promise<number> {
  const { id } = await db.insertInto('channels').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function findChannel(db: Kysely<DB>, name: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('name', '=', name).executeTakeFirst();
}

export function channelById(db: Kysely<DB>, id: number): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listChannels(db: Kysely<DB>): Promise<ChannelRow[]> {
  return db.selectFrom('channels').selectAll().orderBy('name').execute();
}

export async function setChannelDisabled(db: Kysely<DB>, id: number, at: string | null): Promise<void> {
  await db
    .updateTable('channels')
    .set({ disabled_at: at, updated_at: at ?? new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Removes a channel and its subscriptions; its deliveries stay in the log, those not sent cancelled. */
export async function deleteChannel(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('subscriptions').where('channel_id', '=', id).execute();
  await db
    .updateTable('deliveries')
    .set({ status: 'cancelled', lease_until: null })
    .where('channel_id', '=', id)
    .where('status', 'in', ['pending', 'sending'])
    .execute();
  await db.deleteFrom('channels').where('id', '=', id).execute();
}

/** Per channel: deliveries waiting, sent and given up, the last sent and the last error. */
export async function channelStats(db: Kysely<DB>): Promise<Map<number, ChannelStats>> {
  const counts = await db
    .selectFrom('deliveries')
    .select((eb) => [
      'channel_id',
      eb.fn.count<number>(sql`case when status in ('pending', 'sending') then 1 end`).as('pending'),
      eb.fn.count<number>(sql`case when status = 'sent' then 1 end`).as('sent'),
      eb.fn.count<number>(sql`case when status = 'failed' then 1 end`).as('failed'),
      eb.fn.max('sent_at').as('last_sent_at'),
    ])
    .groupBy('channel_id')
    .execute();
  const errors = await db
    .selectFrom('delivery_attempts as a')
    .select(['a.channel_id', 'a.error'])
    .where('a.ok', '=', 0)
    .where('a.id', 'in', (eb) =>
      eb
        .selectFrom('delivery_attempts')
        .select((e) => e.fn.max('id').as('id'))
        .groupBy('channel_id'),
    )
    .execute();
  const lastError = new Map(errors.map((e) => [Number(e.channel_id), e.error]));
  return new Map(
    counts.map((c) => [
      Number(c.channel_id),
      {
        pending: Number(c.pending),
        sent: Number(c.sent),
        failed: Number(c.failed),
        last_sent_at: c.last_sent_at ?? null,
        last_error: lastError.get(Number(c.channel_id)) ?? null,
      },
    ]),
  );
}

export interface SubscriberRow {
  account_id: number;
  username: string;
  role: string;
  area_code: string | null;
  badge: string | null;
  email: string | null;
  phone: string | null;
  channel_id: number;
  /** JSON array, or null for every event the channel carries. */
  events: string | null;
}

/** The enabled accounts subscribed to enabled personal channels. */
export function subscribers(db: Kysely<DB>): Promise<SubscriberRow[]> {
  return db
    .selectFrom('subscriptions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('channels as c', 'c.id', 's.channel_id')
    .select([
      's.account_id',
      'a.username',
      'a.role',
      'a.area_code',
      'a.badge',
      'a.email',
      'a.phone',
      's.channel_id',
      's.events',
    ])
    .where('a.disabled_at', 'is', null)
    .where('c.disabled_at', 'is', null)
    .where('c.personal', '=', 1)
    .orderBy('s.account_id')
    .execute();
}

export function subscriptionsOf(
  db: Kysely<DB>,
  accountId: number,
): Promise<{ channel_id: number; events: string | null }[]> {
  return db.selectFrom('subscriptions').select(['channel_id', 'events']).where('account_id', '=', accountId).execute();
}

/** Replaces an account's subscriptions with `rows`. */
export async function replaceSubscriptions(
  db: Kysely<DB>,
  accountId: number,
  rows: { channel_id: number; events: string | null }[],
  at: string,
): Promise<void> {
  await db.deleteFrom('subscriptions').where('account_id', '=', accountId).execute();
  if (rows.length > 0)
    await db
      .insertInto('subscriptions')
      .values(rows.map((r) => ({ account_id: accountId, ...r, created_at: at })))
      .execute();
}

/** The area and every area above it: what a channel or a scope limited to an area must contain. */
export async function ancestorsOf(db: Kysely<DB>, code: string): Promise<Set<string>> {
  const rows = await sql<{ code: string }>`with recursive up(code, parent_code) as (
      select code, parent_code from areas where code = ${code}
      union all
      select a.code, a.parent_code from areas a join up on a.code = up.parent_code
    ) select code from up`.execute(db);
  return new Set([code, ...rows.rows.map((r) => r.code)]);
}
