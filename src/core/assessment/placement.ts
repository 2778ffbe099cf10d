/**
 * The rules of SPEC §3 that decide what counts on a day, in TypeScript: the same rules the
 * server's queries apply (src/db/predicates.ts, one predicate per rule here), for pure code on
 * the server and for the web.
 *
 * @example isOpenOn({ opened_on: '2019-03-01', closed_on: null }, '2019-06-30') // true
 */
import { ROOM_TYPES } from '../kinds/kind.ts';
import { REPORTS_FOR_PROVISION } from './officer-scheme.ts';

/** The front-line roles (社区民警, 驻村民警), whatever the unit and its status. */
export const FRONT_LINE_ROLES = ['community', 'resident'] as const;

/** A unit's dates: opened_on set and on or before the day, closed_on empty or after it. */
export interface UnitDates {
  opened_on: string | null;
  closed_on: string | null;
}

/** SPEC §3: a unit of any type is open on `day` by its dates alone (`status` only describes). */
export function isOpenOn(unit: UnitDates, day: string): boolean {
  return unit.opened_on !== null && unit.opened_on <= day && (unit.closed_on === null || unit.closed_on > day);
}

export function isRoomType(type: string): boolean {
  return (ROOM_TYPES as readonly string[]).includes(type);
}

/** An open room on `day`: a community room or rural office, open by its dates. */
export function isRoomOpenOn(unit: UnitDates & { type: string }, day: string): boolean {
  return isRoomType(unit.type) && isOpenOn(unit, day);
}

/** A posting contains `day`: start and end dates included, an empty end still running. */
export function isPostedOn(posting: { start_date: string; end_date: string | null }, day: string): boolean {
  return posting.start_date <= day && (posting.end_date === null || posting.end_date >= day);
}

export function isFrontLine(role: string): boolean {
  return (FRONT_LINE_ROLES as readonly string[]).includes(role);
}

/** A day of month M: its first to its last day, both included. */
export function isDatedIn(day: string, month: { first: string; last: string }): boolean {
  return day >= month.first && day <= month.last;
}

/**
 * The population year that counts for `year` (SPEC §3 Residents): the latest one on or before
 * it, or null when there is none (the area then adds 0).
 */
export function latestYearAtMost(years: readonly number[], year: number): number | null {
  let best: number | null = null;
  for (const y of years) if (y <= year && (best === null || y > best)) best = y;
  return best;
}

/** An officer provides information in a month with at least two reports dated in it (SPEC §3). */
export function providesInformation(reports: number): boolean {
  return reports >= REPORTS_FOR_PROVISION;
}
