/**
 * The demo's in-memory model of the province it generates: areas indexed for fast lookup, and the
 * registry (units, postings, teams) that the record generators read. Days are day numbers of
 * `calendar.ts`.
 */

/** One row of a SPEC §2 file: column name -> value as a string ('' for empty). */
export type DemoRow = Record<string, string>;

export interface City {
  index: number;
  code: string;
  name: string;
  /** How far along the city's construction and work are, 0..1 (drives every rate). */
  quality: number;
  /**
   * How the city's work swings month by month around its quality (twelve offsets, a seeded
   * random walk that drifts back towards 0), so that neighbours in the ranking change places.
   */
  form: number[];
  /** Telephone area code for public numbers. */
  dialCode: string;
}

export interface County {
  index: number;
  code: string;
  name: string;
  city: City;
  quality: number;
}

export interface Township {
  index: number;
  code: string;
  name: string;
  /** The county it lies in, or null where a city has townships directly under it. */
  county: County | null;
  city: City;
  quality: number;
  urban: Village[];
  rural: Village[];
}

export interface Village {
  index: number;
  code: string;
  name: string;
  urban: boolean;
  township: Township;
  quality: number;
  /** Residents and households in 2019 (already multiplied by the scale). */
  residents: number;
  households: number;
}

export interface AreaIndex {
  rows: DemoRow[];
  cities: City[];
  counties: County[];
  townships: Township[];
  villages: Village[];
}

export type UnitType = 'bureau' | 'station' | 'community_room' | 'rural_office';
export type UnitStatus = 'planned' | 'building' | 'open' | 'closed';

export interface Unit {
  code: string;
  name: string;
  type: UnitType;
  areaCode: string;
  township: Township | null;
  county: County | null;
  city: City;
  quality: number;
  station: Unit | null;
  covers: Village[];
  status: UnitStatus;
  /** Day numbers; null when not set. Open on d: opened <= d and (closed null or closed > d). */
  opened: number | null;
  closed: number | null;
  phone: string;
  hours: string;
}

export type Role = 'community' | 'resident' | 'station' | 'civilian';
export type Origin = 'existing' | 'agency_transfer' | 'new_recruit' | 'civilian_hire';

export interface Posting {
  officer: Officer;
  role: Role;
  unit: Unit;
  start: number;
  /** Last day of the posting (included), or null for a current posting. */
  end: number | null;
}

export interface Officer {
  badge: string;
  name: string;
  origin: Origin;
  phone: string;
  /** In date order, never overlapping. */
  postings: Posting[];
}

export interface Patrol {
  code: string;
  name: string;
  unit: Unit;
  kind: 'full_time' | 'volunteer';
  members: number;
}

/** Whether a unit is open on a day, by its dates (SPEC §3). */
export function isOpenOn(unit: Unit, day: number): boolean {
  return unit.opened !== null && unit.opened <= day && (unit.closed === null || unit.closed > day);
}

export function isRoom(unit: Unit): boolean {
  return unit.type === 'community_room' || unit.type === 'rural_office';
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** A quality as it shows in month `m` (0-11) of the year: moved by its city's form that month. */
export function inMonth(quality: number, city: City, m: number): number {
  return clamp(quality + city.form[m], 0.05, 0.99);
}
