/** The queries behind an officer's own page: who it is, where it serves, its latest records. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { datedIn } from '../../db/predicates.ts';
import type { Month } from '../assessment/month.ts';

/** The officer's name and role in the posting that contains `day`, else its latest; undefined for an unknown badge. */
export async function officerOf(
  db: Kysely<DB>,
  badge: string,
  day: string,
): Promise<{ name: string; role: string } | undefined> {
  return db
    .selectFrom('officers')
    .select(['name', 'role'])
    .where('badge', '=', badge)
    .where('voided_at', 'is', null)
    .orderBy(sql`case when start_date <= ${day} and (end_date is null or end_date >= ${day}) then 0 else 1 end`)
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

/** A live unit with its area's name. */
export async function unitOf(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('units as u')
    .innerJoin('areas as a', 'a.code', 'u.area_code')
    .select(['u.code', 'u.name', 'u.type', 'u.area_code', 'a.name as area_name'])
    .where('u.code', '=', code)
    .where('u.voided_at', 'is', null)
    .executeTakeFirst();
}

/** The live villages a unit covers, by code. */
export async function coversOf(db: Kysely<DB>, unit: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('unit_covers as c')
    .innerJoin('areas as a', 'a.code', 'c.area_code')
    .select(['a.code', 'a.name'])
    .where('c.unit_code', '=', unit)
    .where('a.voided_at', 'is', null)
    .orderBy('a.code')
    .execute();
}

/** The live patrol teams of a unit, by code. */
export async function patrolsOf(db: Kysely<DB>, unit: string): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('patrols')
    .select(['code', 'name'])
    .where('unit_code', '=', unit)
    .where('voided_at', 'is', null)
    .orderBy('code')
    .execute();
}

/** The officer's visits, info reports and familiarity checks dated in the month, by kind. */
export async function countsOf(
  db: Kysely<DB>,
  badge: string,
  m: Month,
): Promise<{ visits: number; info_reports: number; familiarity_checks: number }> {
  const count = async (table: 'visits' | 'info_reports' | 'familiarity_checks') => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
      where badge = ${badge} and ${datedIn('date', m)} and voided_at is null`.execute(db);
    return Number(rows[0].n);
  };
  return {
    visits: await count('visits'),
    info_reports: await count('info_reports'),
    familiarity_checks: await count('familiarity_checks'),
  };
}

export interface RecentRecord {
  kind: 'visits' | 'info_reports' | 'familiarity_checks';
  key: string;
  date: string;
  received_at: string | null;
  detail: string;
}

/** The officer's latest `limit` records of the three kinds that make a room report, newest received first. */
export async function recentOf(db: Kysely<DB>, badge: string, limit: number): Promise<RecentRecord[]> {
  const { rows } = await sql<RecentRecord>`
    select * from (
      select 'visits' as kind, household_ref as key, date, received_at, area_code as detail
        from visits where badge = ${badge} and voided_at is null
      union all
      select 'info_reports', ref, date, received_at, category from info_reports where badge = ${badge} and voided_at is null
      union all
      select 'familiarity_checks', ref, date, received_at, ${sql.raw(ratio('correct', 'sampled'))}
        from familiarity_checks where badge = ${badge} and voided_at is null
    ) r order by received_at desc, date desc, key limit ${limit}`.execute(db);
  return rows;
}

/** `correct/sampled` as text on either engine. */
function ratio(a: string, b: string): string {
  return `cast(${a} as text) || '/' || cast(${b} as text)`;
}
