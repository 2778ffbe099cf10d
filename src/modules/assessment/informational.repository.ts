/**
 * The queries behind the informational figures (domain/informational.ts), placed as the scheme's
 * are: visits by their area_code, officers by their unit at the end of the month, reports by the
 * reporting officer's unit on the report's date. Voided rows count nowhere.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Figures } from './domain/index.ts';
import { monthsBack, parseMonth, type Month } from './month.ts';
import { datedIn, frontLine, latestPopulation, placedByPosting, postedOn } from '../../db/predicates.ts';

type Own = Map<string, Figures>;

export function addTo(own: Own, code: string, indicator: string, numerator: number, denominator: number): void {
  let f = own.get(code);
  if (!f) own.set(code, (f = {}));
  const cur = f[indicator];
  if (cur) {
    cur.numerator += numerator;
    cur.denominator += denominator;
  } else f[indicator] = { numerator, denominator };
}

/** The first day of the twelve months ending with `m`. */
export function yearWindowStart(m: Month): string {
  return parseMonth(monthsBack(m.month, 11)).first;
}

export async function informationalOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const { last } = m;

  const visits = await sql<{ area_code: string; n: number }>`
    select area_code, count(*) as n from visits
    where ${datedIn('date', m)} and voided_at is null group by area_code`.execute(db);
  for (const r of visits.rows) addTo(own, r.area_code, 'visits_per_officer', Number(r.n), 0);

  const officers = await sql<{ area_code: string; n: number }>`
    select u.area_code, count(*) as n from officers o
    join units u on u.code = o.unit_code and u.voided_at is null
    where ${frontLine('o')} and ${postedOn('o', last)}
    group by u.area_code`.execute(db);
  for (const r of officers.rows) addTo(own, r.area_code, 'visits_per_officer', 0, Number(r.n));

  for (const [area, n] of await householdsVisited(db, m)) addTo(own, area, 'households_visited_share', n, 0);
  for (const [area, n] of await households(db, m.year)) addTo(own, area, 'households_visited_share', 0, n);

  const reports = await sql<{ area_code: string; adopted: number; n: number }>`
    select u.area_code, sum(r.adopted) as adopted, count(*) as n from info_reports r
    join officers o on ${placedByPosting('o', 'r')}
    join units u on u.code = o.unit_code and u.voided_at is null
    where ${datedIn('r.date', m)} and r.voided_at is null
    group by u.area_code`.execute(db);
  for (const r of reports.rows) addTo(own, r.area_code, 'info_adopted_share', Number(r.adopted), Number(r.n));
  return own;
}

/** Each village-level area's households in its latest population year up to `year`. */
export async function households(db: Kysely<DB>, year: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ area_code: string; households: number }>`
    select p.area_code, p.households from ${latestPopulation(year)} p`.execute(db);
  return new Map(rows.map((r) => [r.area_code, Number(r.households)]));
}

/**
 * Each village's distinct households visited in the twelve months ending with `m` (a scan of a
 * year of visits: computed only when the informational figures are asked for).
 */
export async function householdsVisited(db: Kysely<DB>, m: Month): Promise<Map<string, number>> {
  const { rows } = await sql<{ area_code: string; n: number }>`
    select area_code, count(distinct household_ref) as n from visits
    where ${datedIn('date', { first: yearWindowStart(m), last: m.last })} and voided_at is null group by area_code`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.area_code, Number(r.n)]));
}
