/**
 * Queries of appeals (申诉) and their evidence. Reads take an optional `within` (a subtree from
 * accounts/scope.ts) on the appealing area: an appeal outside it is simply not found.
 */
import type { Insertable, Kysely, RawBuilder, Selectable } from 'kysely';
import type { AppealEvidenceTable, AppealTable, DB } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';

export type AppealRow = Selectable<AppealTable> & {
  notification_number: string;
  notification_area: string;
  issued_on: string;
  area_name: string | null;
  correction_number: string | null;
};

export interface AppealFilter {
  notification_id?: number;
  area?: string;
  status?: string;
  within?: RawBuilder<never>;
  limit: number;
  offset: number;
}

function appeals(db: Kysely<DB>) {
  return db
    .selectFrom('appeals as ap')
    .innerJoin('notifications as n', 'n.id', 'ap.notification_id')
    .leftJoin('notifications as c', 'c.id', 'ap.correction_id')
    .leftJoin('areas as a', 'a.code', 'ap.area_code')
    .selectAll('ap')
    .select([
      'n.number as notification_number',
      'n.area_code as notification_area',
      'n.issued_on as issued_on',
      'a.name as area_name',
      'c.number as correction_number',
    ]);
}

export function listAppeals(db: Kysely<DB>, f: AppealFilter): Promise<{ items: AppealRow[]; total: number }> {
  let q = appeals(db);
  if (f.notification_id !== undefined) q = q.where('ap.notification_id', '=', f.notification_id);
  if (f.area) q = q.where('ap.area_code', '=', f.area);
  if (f.status) q = q.where('ap.status', '=', f.status);
  if (f.within) q = q.where('ap.area_code', 'in', f.within);
  return paged(q, (rows) => rows.orderBy('ap.id', 'desc'), f);
}

export function getAppeal(db: Kysely<DB>, id: number, within?: RawBuilder<never>): Promise<AppealRow | undefined> {
  let q = appeals(db).where('ap.id', '=', id);
  if (within) q = q.where('ap.area_code', 'in', within);
  return q.executeTakeFirst();
}

/** Pending appeals of notices issued by `area` (every area when null). */
export function pendingAppealsIssuedBy(db: Kysely<DB>, area: string | null): Promise<AppealRow[]> {
  let q = appeals(db).where('ap.status', '=', 'pending');
  if (area !== null) q = q.where('n.area_code', '=', area);
  return q.orderBy('ap.id').execute();
}

export async function pendingAppealOf(db: Kysely<DB>, notification: number, area: string): Promise<number | null> {
  const row = await db
    .selectFrom('appeals')
    .select('id')
    .where('notification_id', '=', notification)
    .where('area_code', '=', area)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

export async function insertAppeal(db: Kysely<DB>, row: Insertable<AppealTable>): Promise<number> {
  const { id } = await db.insertInto('appeals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function decideAppeal(
  db: Kysely<DB>,
  id: number,
  set: { status: string; decided_at: string; decided_by: string; decision_reason: string },
): Promise<void> {
  await db.updateTable('appeals').set(set).where('id', '=', id).execute();
}

/** The upheld appeals of a corrected notice are closed by its correction; answers their ids. */
export async function closeAppeals(db: Kysely<DB>, correctedId: number, correctionId: number): Promise<number[]> {
  const rows = await db
    .updateTable('appeals')
    .set({ correction_id: correctionId })
    .where('notification_id', '=', correctedId)
    .where('status', '=', 'upheld')
    .where('correction_id', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

export async function insertAppealEvidence(db: Kysely<DB>, row: Insertable<AppealEvidenceTable>): Promise<number> {
  const { id } = await db.insertInto('appeal_evidence').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function appealEvidenceOf(db: Kysely<DB>, appealId: number) {
  return db.selectFrom('appeal_evidence').selectAll().where('appeal_id', '=', appealId).orderBy('id').execute();
}

/** The period steps of the areas' month taken since `since`, oldest first. */
export function periodStepsSince(db: Kysely<DB>, areas: string[], month: string, since: string) {
  return db
    .selectFrom('period_events')
    .select(['action', 'at'])
    .where('area_code', 'in', areas)
    .where('month', '=', month)
    .where('at', '>=', since)
    .orderBy('id')
    .execute();
}
