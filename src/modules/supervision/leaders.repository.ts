/** Queries of the responsible leaders of areas (one per area). */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, LeaderTable } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';

export type LeaderRow = Selectable<LeaderTable>;

export async function upsertLeader(db: Kysely<DB>, row: LeaderRow): Promise<void> {
  await db
    .insertInto('leaders')
    .values(row)
    .onConflict((oc) =>
      oc.column('area_code').doUpdateSet({
        name: row.name,
        title: row.title,
        phone: row.phone,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

export async function leaderOf(db: Kysely<DB>, areaCode: string): Promise<LeaderRow | undefined> {
  return db.selectFrom('leaders').selectAll().where('area_code', '=', areaCode).executeTakeFirst();
}

/** Leaders of the areas in `area`'s subtree (all when absent), within a jurisdiction. */
export async function listLeaders(
  db: Kysely<DB>,
  f: { area?: string; within?: RawBuilder<never> },
): Promise<(LeaderRow & { area_name: string | null })[]> {
  let q = db
    .selectFrom('leaders as l')
    .leftJoin('areas as a', 'a.code', 'l.area_code')
    .selectAll('l')
    .select('a.name as area_name');
  if (f.area) q = q.where('l.area_code', 'in', sql<never>`(${subtree(f.area)} select code from sub)`);
  if (f.within) q = q.where('l.area_code', 'in', f.within);
  return q.orderBy('l.area_code').execute();
}

/** Which of `codes` name a live area. */
export async function existingAreas(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('areas')
      .select('code')
      .where('code', 'in', codes.slice(i, i + 500))
      .where('voided_at', 'is', null)
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

/** Whether `code` is `root` or below it. */
export async function isWithin(db: Kysely<DB>, root: string, code: string): Promise<boolean> {
  const { rows } = await sql<{
    n: number;
  }>`${subtree(root)} select count(*) as n from sub where code = ${code}`.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}
