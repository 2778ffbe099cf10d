/**
 * The queries behind a unit's figures (a unit scored as if it were an area): the rooms' covers
 * and the villages' records by day, which domain/unit-reach.ts places at the units reaching
 * them; and what is placed by officer or team (checks and reports at the officer's unit on their
 * date, officers at their unit at the end of the month, patrol logs at their team's unit), which
 * rolls up from room to station. Voided rows count nowhere.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Figures } from './domain/index.ts';
import type { VillageFigures } from './domain/unit-reach.ts';
import { addTo } from './informational.repository.ts';
import { datedIn, frontLine, placedByPosting, postedOn, providesInformation } from '../../db/predicates.ts';
import { ROOM_TYPES } from '#core/kinds/kind.ts';
import type { Month } from './month.ts';

type Own = Map<string, Figures>;

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
    .where('type', 'in', ['station', ...ROOM_TYPES])
    .where('voided_at', 'is', null)
    .execute();
}

/** Every live room's covers, with the room's dates and station. */
export async function roomCovers(
  db: Kysely<DB>,
): Promise<
  { room: string; station_code: string | null; village: string; opened_on: string | null; closed_on: string | null }[]
> {
  return db
    .selectFrom('unit_covers as c')
    .innerJoin('units as u', 'u.code', 'c.unit_code')
    .select(['c.unit_code as room', 'u.station_code', 'c.area_code as village', 'u.opened_on', 'u.closed_on'])
    .where('u.type', 'in', [...ROOM_TYPES])
    .where('u.voided_at', 'is', null)
    .execute();
}

/**
 * Surveys and criminal incidents of the month by village and day, as raw figures; with
 * `onlineAnswers` (the year's scheme counts them) the public form's answers beside the surveys.
 */
export async function villageDayRecords(db: Kysely<DB>, m: Month, onlineAnswers = false): Promise<VillageFigures[]> {
  const answers = onlineAnswers
    ? sql`select area_code, date, knows_officer, satisfaction from surveys where voided_at is null
        union all select area_code, date, knows_officer, satisfaction from public_answers`
    : sql`select area_code, date, knows_officer, satisfaction from surveys where voided_at is null`;
  const surveys = await sql<{ area_code: string; date: string; kd: number; kn: number; sd: number; sn: number }>`
    select area_code, date,
      sum(case when knows_officer is not null then 1 else 0 end) as kd,
      sum(case when knows_officer = 1 then 1 else 0 end) as kn,
      sum(case when satisfaction is not null then 1 else 0 end) as sd,
      sum(case when satisfaction >= 4 then 1 else 0 end) as sn
    from (${answers}) s where ${datedIn('date', m)}
    group by area_code, date`.execute(db);
  const crimes = await sql<{ area_code: string; date: string; n: number }>`
    select area_code, date, count(*) as n from incidents
    where category = 'criminal' and ${datedIn('date', m)} and voided_at is null
    group by area_code, date`.execute(db);
  return [
    ...surveys.rows.map((r) => ({
      village: r.area_code,
      day: r.date,
      figures: {
        awareness_rate: { numerator: Number(r.kn), denominator: Number(r.kd) },
        satisfaction_rate: { numerator: Number(r.sn), denominator: Number(r.sd) },
      },
    })),
    ...crimes.rows.map((r) => ({
      village: r.area_code,
      day: r.date,
      figures: { crime_rate: { numerator: Number(r.n), denominator: 0 } },
    })),
  ];
}

/** Household visits of the month by village and day. */
export async function villageDayVisits(db: Kysely<DB>, m: Month): Promise<VillageFigures[]> {
  const { rows } = await sql<{ area_code: string; date: string; n: number }>`
    select area_code, date, count(*) as n from visits
    where ${datedIn('date', m)} and voided_at is null group by area_code, date`.execute(db);
  return rows.map((r) => ({
    village: r.area_code,
    day: r.date,
    figures: { visits_per_officer: { numerator: Number(r.n), denominator: 0 } },
  }));
}

/** Figures placed by officer or team: each unit's own, to be rolled up the unit tree. */
export async function unitOfficerOwn(db: Kysely<DB>, m: Month): Promise<Own> {
  const own: Own = new Map();
  const { last } = m;

  const checks = await sql<{ unit_code: string; correct: number; sampled: number }>`
    select o.unit_code, sum(c.correct) as correct, sum(c.sampled) as sampled
    from familiarity_checks c
    join officers o on ${placedByPosting('o', 'c')}
    where ${datedIn('c.date', m)} and c.voided_at is null
    group by o.unit_code`.execute(db);
  for (const r of checks.rows) addTo(own, r.unit_code, 'familiarity_rate', Number(r.correct), Number(r.sampled));

  const info = await sql<{ unit_code: string; officers: number; providing: number }>`
    select o.unit_code, count(*) as officers, sum(case when ${providesInformation(sql.ref('r.n'))} then 1 else 0 end) as providing
    from officers o
    left join (
      select badge, count(*) as n from info_reports
      where ${datedIn('date', m)} and voided_at is null group by badge
    ) r on r.badge = o.badge
    where ${frontLine('o')} and ${postedOn('o', last)}
    group by o.unit_code`.execute(db);
  for (const r of info.rows) {
    addTo(own, r.unit_code, 'info_provision_rate', Number(r.providing), Number(r.officers));
    addTo(own, r.unit_code, 'visits_per_officer', 0, Number(r.officers));
  }

  const patrols = await sql<{ unit_code: string; member_hours: number }>`
    select p.unit_code, sum(l.hours * l.participants) as member_hours from patrol_logs l
    join patrols p on p.code = l.patrol_code and p.voided_at is null
    where ${datedIn('l.date', m)} and l.voided_at is null
    group by p.unit_code`.execute(db);
  for (const r of patrols.rows) addTo(own, r.unit_code, 'group_defense', Number(r.member_hours), 0);

  const reports = await sql<{ unit_code: string; adopted: number; n: number }>`
    select o.unit_code, sum(r.adopted) as adopted, count(*) as n from info_reports r
    join officers o on ${placedByPosting('o', 'r')}
    where ${datedIn('r.date', m)} and r.voided_at is null
    group by o.unit_code`.execute(db);
  for (const r of reports.rows) addTo(own, r.unit_code, 'info_adopted_share', Number(r.adopted), Number(r.n));
  return own;
}
