/** Queries of issued notifications (the archive) and of stored settings. */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, NotificationTable } from '../../db/schema.ts';
import type { Tx } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { AppError } from '../../shared/errors.ts';

export type NotificationRow = Selectable<NotificationTable>;
/** An archive entry: everything but the content, and the number of the correction that superseded it. */
export type NotificationEntry = Omit<NotificationRow, 'content'> & {
  superseded_by: string | null;
  corrects: string | null;
  area_name: string | null;
  /** The display name of the account that issued it, when it has one. */
  issuer_display_name: string | null;
};

function entries(db: Kysely<DB>) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notifications as c', 'c.corrects_id', 'n.id')
    .leftJoin('notifications as o', 'o.id', 'n.corrects_id')
    .leftJoin('areas as a', 'a.code', 'n.area_code')
    .leftJoin('accounts as u', (j) => j.on(sql`'user:' || u.username`, '=', sql.ref('n.issued_by')))
    .select([
      'n.id',
      'n.area_code',
      'n.month',
      'n.lang',
      'n.number',
      'n.year',
      'n.seq',
      'n.title',
      'n.issued_on',
      'n.issued_at',
      'n.issued_by',
      'n.corrects_id',
      'n.correction_reason',
      'n.content_hash',
      'c.number as superseded_by',
      'o.number as corrects',
      'a.name as area_name',
      'u.display_name as issuer_display_name',
    ]);
}

/** The archive by area and month, newest first. */
export async function listNotifications(
  db: Kysely<DB>,
  f: { area?: string; month?: string; number?: string },
): Promise<NotificationEntry[]> {
  let q = entries(db);
  if (f.area) q = q.where('n.area_code', '=', f.area);
  if (f.month) q = q.where('n.month', '=', f.month);
  if (f.number) q = q.where('n.number', '=', f.number);
  return q.orderBy('n.month', 'desc').orderBy('n.area_code').orderBy('n.id', 'desc').execute();
}

export async function getNotification(
  db: Kysely<DB>,
  id: number,
): Promise<(NotificationEntry & { content: string }) | undefined> {
  return entries(db).select('n.content').where('n.id', '=', id).executeTakeFirst();
}

/** The notice of an area and month that no correction has superseded. */
export async function currentNotification(
  db: Kysely<DB>,
  area: string,
  month: string,
): Promise<NotificationEntry | undefined> {
  return entries(db)
    .where('n.area_code', '=', area)
    .where('n.month', '=', month)
    .where('c.id', 'is', null)
    .executeTakeFirst();
}

/** The next sequence number of an issuer's documents in a year. */
export async function nextSeq(db: Kysely<DB>, area: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('area_code', '=', area)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

/** Serializes numbering: on PostgreSQL a transaction-scoped advisory lock (SQLite writes are serial). */
export async function lockNumbering(tx: Tx): Promise<void> {
  if (tx.engine === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext('outpost.notifications'))`.execute(tx.kysely);
}

/** Stores an issued notice; a number another notice holds is a conflict naming it, never a 500. */
export async function insertNotification(db: Kysely<DB>, row: Insertable<NotificationTable>): Promise<number> {
  try {
    const { id } = await db.insertInto('notifications').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  } catch (e) {
    // (On PostgreSQL the transaction is aborted now: nothing more is asked of it.)
    if (isUniqueViolation(e))
      throw new AppError('notification_number_taken', { number: row.number, area: row.area_code });
    throw e;
  }
}

/** Every area that can issue a notice (a village cannot): what numbering tells apart. */
export function issuingAreas(db: Kysely<DB>): Promise<{ code: string; name: string; level: string }[]> {
  return db
    .selectFrom('areas')
    .select(['code', 'name', 'level'])
    .where('level', 'in', ['province', 'city', 'county', 'township'])
    .execute();
}

export async function readSetting(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Kysely<DB>, key: string, value: string, at: string, by: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}
