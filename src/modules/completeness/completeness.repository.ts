/**
 * The queries behind completeness (SPEC §5): the rooms open at the end of a month with the
 * reports placed at them (both rules from src/db/predicates.ts), and where the reports' dates
 * lie, so that months without any are never computed.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { reportsPlacedIn, roomOpenOn } from '../../db/predicates.ts';
import type { Month } from '../assessment/month.ts';
import { REPORTING_KINDS } from '#core/assessment/completeness.ts';

/** An open room at the end of a month and what was placed at it in the month. */
export interface RoomMonth {
  code: string;
  name: string;
  type: string;
  area_code: string;
  station_code: string | null;
  /** Reports (visits, info reports, familiarity checks) of the month placed at it. */
  records: number;
  /** Of them, those received before `cutoff`. */
  on_time: number;
}

/**
 * The rooms open at the end of `m`, each with its reports of `m` and how many of them were
 * received before `cutoff` (an instant, UTC ISO; a report without a receipt is late).
 */
export async function roomsOfMonth(db: Kysely<DB>, m: Month, cutoff: string): Promise<RoomMonth[]> {
  const { rows } = await sql<RoomMonth>`
    select u.code, u.name, u.type, u.area_code, u.station_code,
      coalesce(r.records, 0) as records, coalesce(r.on_time, 0) as on_time
    from units u
    left join (
      select p.unit_code, count(*) as records,
        sum(case when p.received_at is not null and p.received_at < ${cutoff} then 1 else 0 end) as on_time
      from (${reportsPlacedIn(m)}) p group by p.unit_code
    ) r on r.unit_code = u.code
    where ${roomOpenOn('u', m.last)}
    order by u.code`.execute(db);
  return rows.map((r) => ({ ...r, records: Number(r.records), on_time: Number(r.on_time) }));
}

/** The latest date of a live report on or before `day` (any officer, placed or not), or null. */
export async function latestReportOnOrBefore(db: Kysely<DB>, day: string): Promise<string | null> {
  let latest: string | null = null;
  for (const table of REPORTING_KINDS) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('date').as('d'))
      .where('date', '<=', day)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    const d = row?.d ? String(row.d) : null;
    if (d !== null && (latest === null || d > latest)) latest = d;
  }
  return latest;
}
