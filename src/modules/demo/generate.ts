/**
 * The demonstration province: Jilin's real divisions with generated units, people, money and a
 * year (2019) of records, reproducing the standing figures of the 2019 provincial summary on
 * 2019-12-31 at scale 1. Every row is valid by SPEC §2/§3 and is fed to the importer like a CSV row.
 *
 * @example
 * for (const source of demoSources(loadJilinAreas(), { seed: 1, scale: 1 })) {
 *   for (const row of source.rows()) write(source.kind, row);
 * }
 */
import type { DemoRow, Officer, Patrol, Posting, Unit } from './model.ts';
import { iso } from './calendar.ts';
import { familiarityCheckRows, infoReportRows, visitRows } from './records-officers.ts';
import { incidentRows, patrolLogRows, surveyRows } from './records-areas.ts';
import { buildRegistry, type Registry } from './registry.ts';
import type { Place } from './places.ts';

export type { DemoRow } from './model.ts';
export { loadJilinAreas } from './areas.ts';
export { SUMMARY_2019 } from './registry.ts';

/** How the demonstration is labelled wherever it is shown. */
export const DEMO_LABEL = { zh: '演示数据', en: 'Demonstration data' } as const;

export interface DemoOptions {
  /** Any integer; the same seed gives the same rows. */
  seed: number;
  /**
   * 1 = the real province's counts. Multiplies the number of rooms, officers, teams and residents,
   * and so of records, for small test databases; the areas are always all of them, and so are
   * the bureaus, stations and funds (one per county and township).
   */
  scale: number;
}

export interface DemoSource {
  /** The SPEC §2 file kind, e.g. `units`, `surveys`. */
  kind: string;
  /** The rows, made afresh (and identically) on every call; records are made lazily. */
  rows: () => Iterable<DemoRow>;
}

/** The columns of each kind, in SPEC §2 order (optional ones included); every row has them all. */
export const DEMO_COLUMNS = {
  areas: ['code', 'name', 'level', 'parent_code', 'urban_rural'],
  population: ['area_code', 'year', 'residents', 'households'],
  units: [
    'code',
    'name',
    'type',
    'area_code',
    'station_code',
    'covers',
    'status',
    'opened_on',
    'closed_on',
    'phone',
    'hours',
    'address',
    'longitude',
    'latitude',
  ],
  officers: ['badge', 'name', 'role', 'unit_code', 'start_date', 'end_date', 'origin', 'phone'],
  patrols: ['code', 'name', 'unit_code', 'kind', 'members'],
  equipment: ['unit_code', 'item', 'quantity', 'as_of'],
  inspections: [
    'unit_code',
    'date',
    'premises',
    'signage',
    'equipment',
    'staffing',
    'work_system',
    'duties',
    'records',
  ],
  funds: ['ref', 'kind', 'date', 'recipient_code', 'amount', 'purpose'],
  visits: ['date', 'badge', 'area_code', 'household_ref'],
  info_reports: ['ref', 'date', 'badge', 'category', 'adopted'],
  incidents: ['ref', 'date', 'area_code', 'category'],
  surveys: ['ref', 'date', 'area_code', 'knows_officer', 'satisfaction', 'channel'],
  patrol_logs: ['date', 'patrol_code', 'hours', 'participants'],
  familiarity_checks: ['ref', 'date', 'badge', 'sampled', 'correct'],
} as const satisfies Record<string, readonly string[]>;

export type DemoKind = keyof typeof DEMO_COLUMNS;

/**
 * Sources in SPEC §2 file order: areas, population, units, officers, patrols, equipment,
 * inspections, funds, visits, info_reports, incidents, surveys, patrol_logs, familiarity_checks.
 * The registry is built on the first call of any `rows()` and shared by all of them.
 */
export function demoSources(areas: DemoRow[], options: DemoOptions): DemoSource[] {
  if (!(options.scale >= 0) || !Number.isFinite(options.scale))
    throw new RangeError(`scale must be >= 0, got ${options.scale}`);
  let registry: Registry | undefined;
  const get = (): Registry => (registry ??= buildRegistry(areas, options.seed, options.scale));
  const source = (kind: DemoKind, rows: (r: Registry) => Iterable<DemoRow>): DemoSource => ({
    kind,
    rows: () => rows(get()),
  });
  return [
    { kind: 'areas', rows: () => areas.map((row) => ({ ...row })) },
    source('population', (r) => copies(r.population)),
    source('units', (r) => r.units.units.map((u) => unitRow(u, r.places.get(u)))),
    source('officers', (r) => r.officers.flatMap(postingRows)),
    source('patrols', (r) => r.patrols.map(patrolRow)),
    source('equipment', (r) => copies(r.equipment)),
    source('inspections', (r) => copies(r.inspections)),
    source('funds', (r) => copies(r.funds)),
    source('visits', visitRows),
    source('info_reports', infoReportRows),
    source('incidents', incidentRows),
    source('surveys', surveyRows),
    source('patrol_logs', patrolLogRows),
    source('familiarity_checks', familiarityCheckRows),
  ];
}

// Fresh objects on every call, so that a caller changing a row cannot change the next pass.
function copies(rows: DemoRow[]): DemoRow[] {
  return rows.map((row) => ({ ...row }));
}

function unitRow(unit: Unit, place: Place | undefined): DemoRow {
  return {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    area_code: unit.areaCode,
    station_code: unit.station?.code ?? '',
    covers: unit.covers.map((v) => v.code).join(';'),
    status: unit.status,
    opened_on: unit.opened === null ? '' : iso(unit.opened),
    closed_on: unit.closed === null ? '' : iso(unit.closed),
    phone: unit.phone,
    hours: unit.hours,
    address: place?.address ?? '',
    longitude: place ? String(place.longitude) : '',
    latitude: place ? String(place.latitude) : '',
  };
}

function postingRows(officer: Officer): DemoRow[] {
  return officer.postings.map((posting: Posting) => ({
    badge: officer.badge,
    name: officer.name,
    role: posting.role,
    unit_code: posting.unit.code,
    start_date: iso(posting.start),
    end_date: posting.end === null ? '' : iso(posting.end),
    origin: officer.origin,
    phone: posting.role === 'community' || posting.role === 'resident' ? officer.phone : '',
  }));
}

function patrolRow(patrol: Patrol): DemoRow {
  return {
    code: patrol.code,
    name: patrol.name,
    unit_code: patrol.unit.code,
    kind: patrol.kind,
    members: String(patrol.members),
  };
}
