/** Queries of notices' receipts (签收) and their history (issued, signed for, reminded). */
import type { Kysely, Selectable } from 'kysely';
import type { DB, NotificationEventTable, NotificationReceiptTable } from '../../db/schema.ts';

export type ReceiptRow = Selectable<NotificationReceiptTable> & { area_name: string | null };
export type NoticeEventRow = Selectable<NotificationEventTable>;

/** One receipt per receiving area, unsigned: written when the notice is issued. */
export async function insertReceipts(db: Kysely<DB>, notificationId: number, areas: string[]): Promise<void> {
  if (areas.length === 0) return;
  await db
    .insertInto('notification_receipts')
    .values(areas.map((area_code) => ({ notification_id: notificationId, area_code, reminders: 0 })))
    .execute();
}

/** A notice's receipts in area order, with the areas' names. */
export function receiptsOf(db: Kysely<DB>, notificationId: number): Promise<ReceiptRow[]> {
  return db
    .selectFrom('notification_receipts as r')
    .leftJoin('areas as a', 'a.code', 'r.area_code')
    .selectAll('r')
    .select('a.name as area_name')
    .where('r.notification_id', '=', notificationId)
    .orderBy('r.area_code')
    .execute();
}

/** Signs a receipt that is not signed yet; false when another signature got there first. */
export async function signReceipt(
  db: Kysely<DB>,
  notificationId: number,
  area: string,
  by: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('notification_receipts')
    .set({ signed_by: by, signed_at: at })
    .where('notification_id', '=', notificationId)
    .where('area_code', '=', area)
    .where('signed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Counts a reminder to each of `areas` on `day`. */
export async function markReminded(
  db: Kysely<DB>,
  notificationId: number,
  areas: string[],
  day: string,
): Promise<void> {
  if (areas.length === 0) return;
  await db
    .updateTable('notification_receipts')
    .set((eb) => ({ reminders: eb('reminders', '+', 1), reminded_on: day }))
    .where('notification_id', '=', notificationId)
    .where('area_code', 'in', areas)
    .execute();
}

export async function insertNoticeEvent(
  db: Kysely<DB>,
  row: { notification_id: number; action: 'issue' | 'sign' | 'remind'; areas: string[]; actor: string; at: string },
): Promise<void> {
  await db
    .insertInto('notification_events')
    .values({ ...row, areas: JSON.stringify(row.areas) })
    .execute();
}

export function noticeEvents(db: Kysely<DB>, notificationId: number): Promise<NoticeEventRow[]> {
  return db
    .selectFrom('notification_events')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .orderBy('id')
    .execute();
}

/** An unsigned receipt of a standing notice (no correction superseded it), with what a list shows. */
export interface OpenReceipt {
  notification_id: number;
  number: string;
  notice_area: string;
  month: string;
  issued_on: string;
  area_code: string;
  area_name: string | null;
  reminded_on: string | null;
  reminders: number;
}

/** Unsigned receipts of standing notices, of the given areas, or issued on the given days. */
export function openReceipts(db: Kysely<DB>, f: { areas?: string[]; issuedOn?: string }): Promise<OpenReceipt[]> {
  let q = db
    .selectFrom('notification_receipts as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .leftJoin('notifications as c', 'c.corrects_id', 'n.id')
    .leftJoin('areas as a', 'a.code', 'r.area_code')
    .select([
      'r.notification_id',
      'n.number',
      'n.area_code as notice_area',
      'n.month',
      'n.issued_on',
      'r.area_code',
      'a.name as area_name',
      'r.reminded_on',
      'r.reminders',
    ])
    .where('r.signed_at', 'is', null)
    .where('c.id', 'is', null);
  if (f.areas) q = f.areas.length ? q.where('r.area_code', 'in', f.areas) : q.where('r.area_code', '=', '');
  if (f.issuedOn) q = q.where('n.issued_on', '=', f.issuedOn);
  return q.orderBy('n.issued_on').orderBy('r.notification_id').orderBy('r.area_code').execute();
}
