/**
 * A unit's figures, as if it were an area, placed by unit instead of by area_code:
 * - by the unit's reach (the villages a room covers; for a station, those of its rooms, each
 *   village once): surveys, incidents and visits when a room of the unit covering their village
 *   is open on the record's date; residents and households (a station: of its rooms open at the
 *   end of the month);
 * - by officer: checks and reports at the officer's unit on their date, officers at their unit at
 *   the end of the month, patrol logs at their team's unit — a station's are its own plus its
 *   rooms' (the roll-up of the unit tree, see `unitTree`).
 * Voided rows count nowhere.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AreaNode, Figures } from './domain/index.ts';
import { addTo, POSTED_ON, yearWindowStart } from './informational.repository.ts';
import type { Month } from './month.ts';

type Own = Map<string, Figures>;

const OPEN_ON = (day: unknown) =>
  sql`u.opened_on is not null and u.opened_on <= ${day} and (u.closed_on is null or u.closed_on > ${day}) and u.voided_at is null`;

export interface UnitInfo {
  code: string;
  name: string;
  type: string;
  area_code: string;
  station_code: string | null;
  opened_on: string | null;
  closed_on: string | null;
}

/** Stations and rooms, live, with what ranking needs of them. */
export async function stationsAndRooms(db: Kysely<DB>): Promise<UnitInfo[]> {
  return db
    .selectFrom('units')
    .select(['code', 'name', 'type', 'area_code', 'station_code', 'opened_on', 'closed_on'])
    .where('type', 'in', ['station', 'community_room', 'rural_office'])
    .where('voided_at', 'is', null)
    .execute();
}

/** The unit tree: a room under its station (when the station is among the units), a station at the top. */
export function unitTree(units: readonly UnitInfo[]): AreaNode[] {
  const codes = new Set(units.map((u) => u.code));
  return units.map((u) => ({
    code: u.code,
    parent_code: u.station_code !== null && codes.has(u.station_code) ? u.station_code : null,
  }));
}

/**
 * `reach(unit_code, area_code, room)`: each village a unit reaches and the room it is reached
 * through; a station reaches through each of its rooms (`stationRooms` narrows which).
 */
function reach(stationRooms: RawBuilder<unknown> = sql`1 = 1`) {
  return sql`with reach(unit_code, area_code, room) as (
    select c.unit_code, c.area_code, c.unit_code from unit_covers c
    union all
    select u.station_code, c.area_code, c.unit_code from unit_covers c
    join units u on u.code = c.unit_code and u.station_code is not null and u.voided_at is null
    where ${stationRooms}
  )`;
}

/** `x` joins the distinct (unit, village) pairs; the record counts when a room of it was open that day. */
const REACHED_ON = (record: string) =>
  sql`exists (select 1 from reach r join units u on u.code = r.room
    where r.unit_code = x.unit_code and r.area_code = ${sql.ref(`${record}.area_code`)} and ${OPEN_ON(sql.ref(`${record}.date`))})`;

/** Residents (or households) of the villages each unit reaches, latest year up to `year`. */
async function reachedPopulation(
  db: Kysely<DB>,
  m: Month,
  column: 'residents' | 'households',
): Promise<Map<string, number>> {
  const { rows } = await sql<{ unit_code: string; n: number }>`${reach(OPEN_ON(m.last))}
    select x.unit_code, sum(p.${sql.raw(column)}) as n from (select distinct unit_code, area_code from reach) x
    join population p on p.area_code = x.area_code and p.voided_at is null
    join (
      select area_code, max(year) as year from population
      where year <= ${m.year} and voided_at is null group by area_code
    ) latest on latest.area_code = p.area_code and latest.year = p.year
    group by x.unit_code`.execute(db);
  return new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
}

/** Figures placed by reach: final for every unit, never rolled up. */
export async function unitReachOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const { first, last } = m;

  const surveys = await sql<{ unit_code: string; kd: number; kn: number; sd: number; sn: number }>`${reach()}
    select x.unit_code,
      sum(case when s.knows_officer is not null then 1 else 0 end) as kd,
      sum(case when s.knows_officer = 1 then 1 else 0 end) as kn,
      sum(case when s.satisfaction is not null then 1 else 0 end) as sd,
      sum(case when s.satisfaction >= 4 then 1 else 0 end) as sn
    from surveys s join (select distinct unit_code, area_code from reach) x on x.area_code = s.area_code
    where s.date >= ${first} and s.date <= ${last} and s.voided_at is null and ${REACHED_ON('s')}
    group by x.unit_code`.execute(db);
  for (const r of surveys.rows) {
    addTo(own, r.unit_code, 'awareness_rate', Number(r.kn), Number(r.kd));
    addTo(own, r.unit_code, 'satisfaction_rate', Number(r.sn), Number(r.sd));
  }

  const crimes = await sql<{ unit_code: string; n: number }>`${reach()}
    select x.unit_code, count(*) as n
    from incidents i join (select distinct unit_code, area_code from reach) x on x.area_code = i.area_code
    where i.category = 'criminal' and i.date >= ${first} and i.date <= ${last} and i.voided_at is null and ${REACHED_ON('i')}
    group by x.unit_code`.execute(db);
  for (const r of crimes.rows) addTo(own, r.unit_code, 'crime_rate', Number(r.n), 0);

  const visits = await sql<{ unit_code: string; n: number }>`${reach()}
    select x.unit_code, count(*) as n
    from visits v join (select distinct unit_code, area_code from reach) x on x.area_code = v.area_code
    where v.date >= ${first} and v.date <= ${last} and v.voided_at is null and ${REACHED_ON('v')}
    group by x.unit_code`.execute(db);
  for (const r of visits.rows) addTo(own, r.unit_code, 'visits_per_officer', Number(r.n), 0);

  // Households are told apart by village: the same ref in two villages is two households.
  const visited = await sql<{ unit_code: string; n: number }>`${reach()}
    select unit_code, count(*) as n from (
      select distinct x.unit_code, v.area_code, v.household_ref
      from visits v join (select distinct unit_code, area_code from reach) x on x.area_code = v.area_code
      where v.date >= ${yearWindowStart(m)} and v.date <= ${last} and v.voided_at is null
    ) d group by unit_code`.execute(db);
  for (const r of visited.rows) addTo(own, r.unit_code, 'households_visited_share', Number(r.n), 0);

  for (const [unit, n] of await reachedPopulation(db, m, 'residents')) {
    addTo(own, unit, 'crime_rate', 0, n);
    addTo(own, unit, 'group_defense', 0, n);
  }
  for (const [unit, n] of await reachedPopulation(db, m, 'households'))
    addTo(own, unit, 'households_visited_share', 0, n);
  return own;
}

/** Figures placed by officer or team: each unit's own, to be rolled up the unit tree. */
export async function unitOfficerOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const { first, last } = m;

  const checks = await sql<{ unit_code: string; correct: number; sampled: number }>`
    select o.unit_code, sum(c.correct) as correct, sum(c.sampled) as sampled
    from familiarity_checks c
    join officers o on o.badge = c.badge and ${POSTED_ON('o', sql.ref('c.date'))}
    where c.date >= ${first} and c.date <= ${last} and c.voided_at is null
    group by o.unit_code`.execute(db);
  for (const r of checks.rows) addTo(own, r.unit_code, 'familiarity_rate', Number(r.correct), Number(r.sampled));

  const info = await sql<{ unit_code: string; officers: number; providing: number }>`
    select o.unit_code, count(*) as officers, sum(case when r.n >= 2 then 1 else 0 end) as providing
    from officers o
    left join (
      select badge, count(*) as n from info_reports
      where date >= ${first} and date <= ${last} and voided_at is null group by badge
    ) r on r.badge = o.badge
    where o.role in ('community', 'resident') and ${POSTED_ON('o', last)}
    group by o.unit_code`.execute(db);
  for (const r of info.rows) {
    addTo(own, r.unit_code, 'info_provision_rate', Number(r.providing), Number(r.officers));
    addTo(own, r.unit_code, 'visits_per_officer', 0, Number(r.officers));
  }

  const patrols = await sql<{ unit_code: string; member_hours: number }>`
    select p.unit_code, sum(l.hours * l.participants) as member_hours from patrol_logs l
    join patrols p on p.code = l.patrol_code and p.voided_at is null
    where l.date >= ${first} and l.date <= ${last} and l.voided_at is null
    group by p.unit_code`.execute(db);
  for (const r of patrols.rows) addTo(own, r.unit_code, 'group_defense', Number(r.member_hours), 0);

  const reports = await sql<{ unit_code: string; adopted: number; n: number }>`
    select o.unit_code, sum(r.adopted) as adopted, count(*) as n from info_reports r
    join officers o on o.badge = r.badge and ${POSTED_ON('o', sql.ref('r.date'))}
    where r.date >= ${first} and r.date <= ${last} and r.voided_at is null
    group by o.unit_code`.execute(db);
  for (const r of reports.rows) addTo(own, r.unit_code, 'info_adopted_share', Number(r.adopted), Number(r.n));
  return own;
}
