/** Locked periods and the figures stored when each was locked (see frozen-figures.ts). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SnapshotData } from './frozen-figures.ts';

/** The areas whose own period of `month` is locked. */
export async function lockedAreas(db: Kysely<DB>, month: string): Promise<string[]> {
  const rows = await db
    .selectFrom('periods')
    .select('area_code')
    .where('month', '=', month)
    .where('status', '=', 'locked')
    .orderBy('area_code')
    .execute();
  return rows.map((r) => r.area_code);
}

export async function readSnapshot(
  db: Kysely<DB>,
  area: string,
  month: string,
  scheme: string,
): Promise<{ data: SnapshotData; taken_at: string } | undefined> {
  const row = await db
    .selectFrom('period_snapshots')
    .select(['data', 'taken_at'])
    .where('area_code', '=', area)
    .where('month', '=', month)
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return row && { data: JSON.parse(row.data) as SnapshotData, taken_at: row.taken_at };
}

export async function writeSnapshot(
  db: Kysely<DB>,
  area: string,
  month: string,
  data: SnapshotData,
  takenAt: string,
): Promise<void> {
  await db
    .deleteFrom('period_snapshots')
    .where('area_code', '=', area)
    .where('month', '=', month)
    .where('scheme', '=', data.scheme.name)
    .execute();
  await db
    .insertInto('period_snapshots')
    .values({
      area_code: area,
      month,
      scheme: data.scheme.name,
      scheme_version: data.scheme.version ?? 0,
      data: JSON.stringify(data),
      taken_at: takenAt,
    })
    .execute();
}

/** An unlocked period's figures go: from then on they are computed as they stand. */
export async function deleteSnapshots(db: Kysely<DB>, area: string, month: string): Promise<void> {
  await db.deleteFrom('period_snapshots').where('area_code', '=', area).where('month', '=', month).execute();
}
