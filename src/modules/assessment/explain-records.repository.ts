/**
 * The records behind what is placed at one area itself for one indicator and month (the `own`
 * of an explanation), each with its RAW part of the numerator and denominator: together they sum
 * to the own figure. Placement as in assessment.repository.ts; voided rows count nowhere.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { ASPECTS, STANDARD_KIT } from '#core/kinds/kind.ts';
import { providesInformation } from '#core/assessment/placement.ts';
import { datedIn, frontLine, latestPopulation, placedByPosting, postedOn, roomOpenOn } from '../../db/predicates.ts';
import type { Month } from './month.ts';

export interface RecordRow {
  /** surveys, familiarity_checks, officers, incidents, patrol_logs, population, areas, rooms, funds */
  kind: string;
  /** The record's key: its ref, or its natural key joined by spaces. */
  key: string;
  date: string | null;
  numerator: number;
  denominator: number;
  detail: Record<string, string | number | null>;
}

type Finder = (db: Kysely<DB>, area: string, m: Month) => Promise<RecordRow[]>;

const yesNo = (v: number | null) => (v === null ? null : Number(v) === 1 ? 'yes' : 'no');

async function surveys(
  db: Kysely<DB>,
  area: string,
  m: Month,
  answered: 'knows_officer' | 'satisfaction',
): Promise<RecordRow[]> {
  const rows = await db
    .selectFrom('surveys')
    .select(['ref', 'date', 'knows_officer', 'satisfaction', 'channel'])
    .where('area_code', '=', area)
    .where(datedIn('date', m))
    .where('voided_at', 'is', null)
    .where(answered, 'is not', null)
    .execute();
  return rows.map((r) => ({
    kind: 'surveys',
    key: r.ref,
    date: r.date,
    numerator:
      answered === 'knows_officer' ? (Number(r.knows_officer) === 1 ? 1 : 0) : Number(r.satisfaction) >= 4 ? 1 : 0,
    denominator: 1,
    detail: {
      knows_officer: yesNo(r.knows_officer),
      satisfaction: r.satisfaction === null ? null : Number(r.satisfaction),
      channel: r.channel,
    },
  }));
}

const checks: Finder = async (db, area, m) => {
  const { rows } = await sql<{
    ref: string;
    date: string;
    badge: string;
    unit_code: string;
    correct: number;
    sampled: number;
  }>`
    select c.ref, c.date, c.badge, o.unit_code, c.correct, c.sampled from familiarity_checks c
    join officers o on ${placedByPosting('o', 'c')}
    join units u on u.code = o.unit_code and u.voided_at is null
    where u.area_code = ${area} and ${datedIn('c.date', m)} and c.voided_at is null`.execute(db);
  return rows.map((r) => ({
    kind: 'familiarity_checks',
    key: r.ref,
    date: r.date,
    numerator: Number(r.correct),
    denominator: Number(r.sampled),
    detail: { badge: r.badge, unit_code: r.unit_code },
  }));
};

const officers: Finder = async (db, area, m) => {
  const { rows } = await sql<{ badge: string; name: string; unit_code: string; reports: number }>`
    select o.badge, o.name, o.unit_code, (
      select count(*) from info_reports r where r.badge = o.badge and ${datedIn('r.date', m)} and r.voided_at is null
    ) as reports
    from officers o join units u on u.code = o.unit_code and u.voided_at is null
    where u.area_code = ${area} and ${frontLine('o')} and ${postedOn('o', m.last)}`.execute(db);
  return rows.map((r) => ({
    kind: 'officers',
    key: r.badge,
    date: null,
    numerator: providesInformation(Number(r.reports)) ? 1 : 0,
    denominator: 1,
    detail: { name: r.name, unit_code: r.unit_code, reports: Number(r.reports) },
  }));
};

async function population(db: Kysely<DB>, area: string, m: Month): Promise<RecordRow[]> {
  const { rows } = await sql<{ area_code: string; year: number; residents: number }>`
    select p.area_code, p.year, p.residents from ${latestPopulation(m.year)} p where p.area_code = ${area}`.execute(db);
  return rows.map((row) => ({
    kind: 'population',
    key: `${row.area_code} ${row.year}`,
    date: null,
    numerator: 0,
    denominator: Number(row.residents),
    detail: { year: Number(row.year) },
  }));
}

const crimes: Finder = async (db, area, m) => {
  const rows = await db
    .selectFrom('incidents')
    .select(['ref', 'date'])
    .where('area_code', '=', area)
    .where('category', '=', 'criminal')
    .where(datedIn('date', m))
    .where('voided_at', 'is', null)
    .execute();
  const incidents = rows.map((r) => ({
    kind: 'incidents',
    key: r.ref,
    date: r.date,
    numerator: 1,
    denominator: 0,
    detail: { category: 'criminal' },
  }));
  return [...incidents, ...(await population(db, area, m))];
};

const patrolLogs: Finder = async (db, area, m) => {
  const { rows } = await sql<{
    patrol_code: string;
    date: string;
    hours: number;
    participants: number;
    unit_code: string;
  }>`
    select l.patrol_code, l.date, l.hours, l.participants, p.unit_code from patrol_logs l
    join patrols p on p.code = l.patrol_code and p.voided_at is null
    join units u on u.code = p.unit_code and u.voided_at is null
    where u.area_code = ${area} and ${datedIn('l.date', m)} and l.voided_at is null`.execute(db);
  const logs = rows.map((r) => ({
    kind: 'patrol_logs',
    key: `${r.patrol_code} ${r.date}`,
    date: r.date,
    numerator: Number(r.hours) * Number(r.participants),
    denominator: 0,
    detail: {
      patrol_code: r.patrol_code,
      unit_code: r.unit_code,
      hours: Number(r.hours),
      participants: Number(r.participants),
    },
  }));
  return [...logs, ...(await population(db, area, m))];
};

const coverage: Finder = async (db, area, m) => {
  const village = await db
    .selectFrom('areas')
    .select('code')
    .where('code', '=', area)
    .where('level', '=', 'village')
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (!village) return [];
  const { rows } = await sql<{ unit_code: string }>`
    select c.unit_code from unit_covers c join units u on u.code = c.unit_code
    where c.area_code = ${area} and ${roomOpenOn('u', m.last)} order by c.unit_code`.execute(db);
  return [
    {
      kind: 'areas',
      key: area,
      date: null,
      numerator: rows.length > 0 ? 1 : 0,
      denominator: 1,
      detail: { covered_by: rows.map((r) => r.unit_code).join(';') || null },
    },
  ];
};

async function openRooms(db: Kysely<DB>, area: string, m: Month): Promise<{ code: string; name: string }[]> {
  const { rows } = await sql<{
    code: string;
    name: string;
  }>`select u.code, u.name from units u where u.area_code = ${area} and ${roomOpenOn('u', m.last)}`.execute(db);
  return rows;
}

const staffing: Finder = async (db, area, m) => {
  const { rows } = await sql<{ code: string; name: string; officers: number }>`
    select u.code, u.name, (
      select count(*) from officers o where o.unit_code = u.code and ${frontLine('o')} and ${postedOn('o', m.last)}
    ) as officers
    from units u where u.area_code = ${area} and ${roomOpenOn('u', m.last)}`.execute(db);
  return rows.map((r) => ({
    kind: 'rooms',
    key: r.code,
    date: null,
    numerator: Number(r.officers) > 0 ? 1 : 0,
    denominator: 1,
    detail: { name: r.name, front_line_officers: Number(r.officers) },
  }));
};

const equipment: Finder = async (db, area, m) => {
  const rooms = await openRooms(db, area, m);
  if (rooms.length === 0) return [];
  const { rows } = await sql<{ unit_code: string; item: string; quantity: number }>`
    select e.unit_code, e.item, e.quantity from equipment e
    join (
      select unit_code, item, max(as_of) as as_of from equipment
      where as_of <= ${m.last} and voided_at is null group by unit_code, item
    ) latest on latest.unit_code = e.unit_code and latest.item = e.item and latest.as_of = e.as_of
    join units u on u.code = e.unit_code
    where e.voided_at is null and u.area_code = ${area}`.execute(db);
  return rooms.map((room) => {
    const held = new Set(rows.filter((r) => r.unit_code === room.code && Number(r.quantity) >= 1).map((r) => r.item));
    const missing = STANDARD_KIT.filter((item) => !held.has(item));
    return {
      kind: 'rooms',
      key: room.code,
      date: null,
      numerator: missing.length === 0 ? 1 : 0,
      denominator: 1,
      detail: { name: room.name, missing: missing.join(';') || null },
    };
  });
};

const standardization: Finder = async (db, area, m) => {
  const rooms = await openRooms(db, area, m);
  if (rooms.length === 0) return [];
  const rows = await db
    .selectFrom('inspections as i')
    .innerJoin('units as u', 'u.code', 'i.unit_code')
    .selectAll('i')
    .where('u.area_code', '=', area)
    .where('i.date', '<=', m.last)
    .where('i.voided_at', 'is', null)
    .orderBy('i.date', 'desc')
    .execute();
  return rooms.map((room) => {
    const latest = rows.find((r) => r.unit_code === room.code);
    const failed = latest ? ASPECTS.filter((a) => latest[a] !== 'pass') : [];
    return {
      kind: 'rooms',
      key: room.code,
      date: latest?.date ?? null,
      numerator: latest && failed.length === 0 ? 1 : 0,
      denominator: 1,
      detail: {
        name: room.name,
        inspected_on: latest?.date ?? null,
        failed: latest ? failed.join(';') || null : 'never inspected',
      },
    };
  });
};

const funds: Finder = async (db, area, m) => {
  const rows = await db
    .selectFrom('funds')
    .select(['ref', 'kind', 'date', 'amount_fen', 'purpose'])
    .where('recipient_code', '=', area)
    .where('date', '<=', m.last)
    .where('voided_at', 'is', null)
    .execute();
  return rows.map((r) => {
    const yuan = Number(r.amount_fen) / 100;
    const paid = r.kind === 'disbursement';
    return {
      kind: 'funds',
      key: r.ref,
      date: r.date,
      numerator: paid ? yuan : 0,
      denominator: paid ? 0 : yuan,
      detail: { kind: r.kind, purpose: r.purpose },
    };
  });
};

/** Finders by indicator name. */
export const RECORD_FINDERS: Record<string, Finder> = {
  awareness_rate: (db, area, m) => surveys(db, area, m, 'knows_officer'),
  familiarity_rate: checks,
  info_provision_rate: officers,
  crime_rate: crimes,
  satisfaction_rate: (db, area, m) => surveys(db, area, m, 'satisfaction'),
  group_defense: patrolLogs,
  coverage_rate: coverage,
  staffing_rate: staffing,
  equipment_rate: equipment,
  standardization_rate: standardization,
  funds_rate: funds,
};
