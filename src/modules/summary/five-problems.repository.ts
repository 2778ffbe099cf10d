/**
 * The rows behind the five problems of an area's subtree on a day: its open rooms (staffed,
 * standardized, with records in the window), its village-level areas (covered or not), its
 * front-line officers posted that day with their postings, and front-line postings that ended
 * in the year before. Each row carries the area it is placed at; the service rolls them up.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';
import { ASPECTS } from '#core/kinds/kind.ts';
import { datedIn, frontLine, postedOn, reportsPlacedIn, roomOpenOn } from '../../db/predicates.ts';

export interface RoomRow {
  code: string;
  area_code: string;
  staffed: number;
  standard: number;
}

/** Open rooms of the subtree on `day`: staffed by a front-line officer, and passing all seven aspects at their latest inspection. */
export async function roomsOn(db: Kysely<DB>, area: string, day: string): Promise<RoomRow[]> {
  const { rows } = await sql<RoomRow>`${subtree(area)}
    select u.code, u.area_code,
      case when exists (select 1 from officers o where o.unit_code = u.code and ${frontLine('o')} and ${postedOn('o', day)}) then 1 else 0 end as staffed,
      case when exists (
        select 1 from inspections i
        where i.unit_code = u.code and i.voided_at is null and ${sql.raw(ASPECTS.map((a) => `i.${a} = 'pass'`).join(' and '))}
          and i.date = (select max(date) from inspections j where j.unit_code = u.code and j.date <= ${day} and j.voided_at is null)
      ) then 1 else 0 end as standard
    from units u where u.area_code in (select code from sub) and ${roomOpenOn('u', day)}`.execute(db);
  return rows.map((r) => ({ ...r, staffed: Number(r.staffed), standard: Number(r.standard) }));
}

/** Units with any record placed at them dated from `from` to `to`: officers' reports, checks and visits by the posting of the day, team logs by the team. */
export async function unitsWithRecords(db: Kysely<DB>, from: string, to: string): Promise<Set<string>> {
  const window = { first: from, last: to };
  const { rows } = await sql<{ unit_code: string }>`
    select unit_code from (${reportsPlacedIn(window)}) placed
    union select p.unit_code from patrol_logs l join patrols p on p.code = l.patrol_code and p.voided_at is null
    where ${datedIn('l.date', window)} and l.voided_at is null`.execute(db);
  return new Set(rows.map((r) => r.unit_code));
}

/** Village-level areas of the subtree (the area itself if it is one), covered by an open room on `day` or not. */
export async function villagesOn(
  db: Kysely<DB>,
  area: string,
  day: string,
): Promise<{ code: string; covered: number }[]> {
  const { rows } = await sql<{ code: string; covered: number }>`${subtree(area)}
    select a.code, case when exists (
      select 1 from unit_covers c join units u on u.code = c.unit_code where c.area_code = a.code and ${roomOpenOn('u', day)}
    ) then 1 else 0 end as covered
    from areas a where a.code in (select code from sub) and a.level = 'village' and a.voided_at is null`.execute(db);
  return rows.map((r) => ({ code: r.code, covered: Number(r.covered) }));
}

export interface PostingRow {
  badge: string;
  start_date: string;
  end_date: string | null;
  unit_code: string;
  area_code: string;
}

/** Front-line officers posted on `day` in the subtree: the posting of the day, placed by its unit. */
export async function frontLineOn(db: Kysely<DB>, area: string, day: string): Promise<PostingRow[]> {
  const { rows } = await sql<PostingRow>`${subtree(area)}
    select o.badge, o.start_date, o.end_date, o.unit_code, u.area_code from officers o
    join units u on u.code = o.unit_code and u.voided_at is null
    where ${frontLine('o')} and ${postedOn('o', day)} and u.area_code in (select code from sub)`.execute(db);
  return rows;
}

/** Every front-line posting up to `day` of the officers front-line on that day in the subtree (to find how long each has served). */
export async function frontLineHistory(
  db: Kysely<DB>,
  area: string,
  day: string,
): Promise<{ badge: string; start_date: string; end_date: string | null }[]> {
  const { rows } = await sql<{ badge: string; start_date: string; end_date: string | null }>`${subtree(area)}
    select h.badge, h.start_date, h.end_date from officers h
    where ${frontLine('h')} and h.voided_at is null and h.start_date <= ${day} and h.badge in (
      select o.badge from officers o join units u on u.code = o.unit_code and u.voided_at is null
      where ${frontLine('o')} and ${postedOn('o', day)} and u.area_code in (select code from sub)
    )`.execute(db);
  return rows;
}

/** Front-line postings of the subtree that ended from `from` to `to`, placed by their unit. */
export async function endedPostings(
  db: Kysely<DB>,
  area: string,
  from: string,
  to: string,
): Promise<{ area_code: string }[]> {
  const { rows } = await sql<{ area_code: string }>`${subtree(area)}
    select u.area_code from officers o join units u on u.code = o.unit_code and u.voided_at is null
    where ${frontLine('o')} and o.voided_at is null and ${datedIn('o.end_date', { first: from, last: to })}
      and u.area_code in (select code from sub)`.execute(db);
  return rows;
}
