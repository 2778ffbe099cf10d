/**
 * Each rule of SPEC §3 about what counts on a day, written once as SQL for every query that
 * means it (the TypeScript twins, for pure code and the web, are in src/core/assessment/placement.ts).
 * Each takes the alias of the table it tests and a day: a literal (`'2019-06-30'`) or a column
 * (`sql.ref('c.date')`), and gives a parenthesized condition for both engines.
 *
 * @example
 *   sql`select u.code from units u where ${roomOpenOn('u', m.last)}`
 *   sql`... join officers o on ${placedByPosting('o', 'c')} ...`
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { FRONT_LINE_ROLES } from '#core/assessment/placement.ts';
import { ROOM_TYPES } from '#core/kinds/kind.ts';
import { REPORTS_FOR_PROVISION } from '#core/assessment/officer-scheme.ts';

/** A day: a literal date or an expression (a column) that holds one. */
export type Day = string | Expression<unknown>;

const col = (alias: string, column: string) => sql.ref(alias ? `${alias}.${column}` : column);
const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * SPEC §3: a unit of any type is open on `day` by its dates: opened_on set and on or before
 * it, closed_on empty or after it. A voided unit never is.
 */
export function unitOpenOn(unit: string, day: Day): RawBuilder<SqlBool> {
  const closed = col(unit, 'closed_on');
  return sql<SqlBool>`(${col(unit, 'opened_on')} <= ${day} and (${closed} is null or ${closed} > ${day}) and ${col(unit, 'voided_at')} is null)`;
}

/** An open room on `day`: a community room or rural office open by its dates. */
export function roomOpenOn(unit: string, day: Day): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${isRoom(unit)} and ${unitOpenOn(unit, day)})`;
}

/** A unit that is a room, whatever its dates. */
export function isRoom(unit: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${col(unit, 'type')} in (${list(ROOM_TYPES)})`;
}

/** A posting (a row of officers) that contains `day`, start and end included; a voided one never does. */
export function postedOn(posting: string, day: Day): RawBuilder<SqlBool> {
  const end = col(posting, 'end_date');
  return sql<SqlBool>`(${col(posting, 'start_date')} <= ${day} and (${end} is null or ${end} >= ${day}) and ${col(posting, 'voided_at')} is null)`;
}

/** A front-line officer's posting: role community or resident, whatever the unit and its status. */
export function frontLine(posting: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${col(posting, 'role')} in (${list(FRONT_LINE_ROLES)})`;
}

/**
 * SPEC §3 placement of an officer's record (report, check, visit): the posting of its officer
 * that contains its date, whose unit places it. Join officers `posting` on this.
 */
export function placedByPosting(posting: string, record: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${col(posting, 'badge')} = ${col(record, 'badge')} and ${postedOn(posting, col(record, 'date'))})`;
}

/** A record's `column` (a date) within `from`..`to`, both included: pass a Month for "dated in M". */
export function datedIn(column: string, { first, last }: { first: string; last: string }): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${first} and ${sql.ref(column)} <= ${last})`;
}

/** SPEC §3 info_provision_rate: `reports` (a count of an officer's reports dated in M) is at least two. */
export function providesInformation(reports: Expression<unknown>): RawBuilder<SqlBool> {
  return sql<SqlBool>`${reports} >= ${sql.lit(REPORTS_FOR_PROVISION)}`;
}

/**
 * SPEC §3 Residents: each village-level area's population row of its latest year on or before
 * `year` (voided rows left out), as a table of area_code, year, residents, households.
 */
export function latestPopulation(year: number): RawBuilder<{
  area_code: string;
  year: number;
  residents: number;
  households: number;
}> {
  return sql`(select p.area_code, p.year, p.residents, p.households from population p
    join (
      select area_code, max(year) as year from population
      where year <= ${year} and voided_at is null group by area_code
    ) latest on latest.area_code = p.area_code and latest.year = p.year
    where p.voided_at is null)`;
}

/**
 * The reports of SPEC §5 (a room reports in M when one is placed at it): the visits, info
 * reports and familiarity checks dated in `window`, each as `unit_code`, the unit of its
 * officer's posting on its date, and `received_at`, when it reached Outpost (migration 011). A
 * record outside every posting is placed nowhere.
 */
export function reportsPlacedIn(window: {
  first: string;
  last: string;
}): RawBuilder<{ unit_code: string; received_at: string | null }> {
  const placed = (table: 'info_reports' | 'familiarity_checks' | 'visits') => sql`
    select o.unit_code, r.received_at from ${sql.table(table)} r join officers o on ${placedByPosting('o', 'r')}
    where ${datedIn('r.date', window)} and r.voided_at is null`;
  return sql`${placed('info_reports')} union all ${placed('familiarity_checks')} union all ${placed('visits')}`;
}
