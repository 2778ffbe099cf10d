/**
 * SPEC §5 completeness and its timeliness, as plain functions the server and the web share. A
 * room reports in M when at least one visit, info report or familiarity check dated in M is
 * placed at it (the SQL is `reportsPlacedIn` in src/db/predicates.ts; `reportsIn` below is its
 * twin over plain rows). Completeness of an area in M = open rooms in it at the end of M that
 * report in M ÷ open rooms in it at the end of M. A report is on time when it reached Outpost by
 * the end of the reporting deadline: day `deadline_day` of M+1 in the province's calendar.
 *
 * @example
 *   completeness(10, 8, 5);          // { rooms: 10, reporting: 8, on_time: 5, rate: 0.8, on_time_rate: 0.5 }
 *   reportingDeadline('2019-06', 5); // '2019-07-05'
 */
import { addMonths, endOfMonth } from '../calendar/month.ts';
import { isDatedIn, isPostedOn } from './placement.ts';

/** The share of open rooms reporting at which a month is complete enough to open on (a setting). */
export const DEFAULT_COMPLETENESS_THRESHOLD = 0.8;
/** Records of M are on time when they reach Outpost by the end of this day of M+1 (a setting). */
export const DEFAULT_DEADLINE_DAY = 5;
/** The latest deadline day a setting may name: every month has it. */
export const MAX_DEADLINE_DAY = 28;

/** The kinds whose records make a room report (SPEC §5). */
export const REPORTING_KINDS = ['visits', 'info_reports', 'familiarity_checks'] as const;

/** An area's (or a station's) completeness in a month. */
export interface Completeness {
  /** Open rooms at the end of the month. */
  rooms: number;
  /** Of them, those that report in the month. */
  reporting: number;
  /** Of them, those with a report that reached Outpost by the deadline. */
  on_time: number;
  /** reporting / rooms; null without open rooms. */
  rate: number | null;
  /** on_time / rooms; null without open rooms. */
  on_time_rate: number | null;
}

export function completeness(rooms: number, reporting: number, onTime: number): Completeness {
  return {
    rooms,
    reporting,
    on_time: onTime,
    rate: rooms === 0 ? null : reporting / rooms,
    on_time_rate: rooms === 0 ? null : onTime / rooms,
  };
}

/** Whether a month's completeness reaches the threshold (a month without open rooms never does). */
export function meetsThreshold(rate: number | null, threshold: number): boolean {
  return rate !== null && rate >= threshold;
}

/** The last day on which the records of `month` arrive on time: day `deadlineDay` of the next month. */
export function reportingDeadline(month: string, deadlineDay: number): string {
  return `${addMonths(month, 1)}-${String(deadlineDay).padStart(2, '0')}`;
}

/**
 * SPEC §5 `default_month`: the latest of `months` (newest first, none after the current month)
 * whose rate meets the threshold, else `fallback` (the latest month with records). `rateOf` is
 * asked newest first and no further than the first month that meets it; `months` may leave out
 * months that cannot meet it (those without a single report, when the threshold is above 0).
 */
export async function defaultMonth(
  months: AsyncIterable<string> | Iterable<string>,
  rateOf: (month: string) => Promise<number | null>,
  threshold: number,
  fallback: string | null,
): Promise<string | null> {
  for await (const month of months) if (meetsThreshold(await rateOf(month), threshold)) return month;
  return fallback;
}

/** A room as the rule needs it: its code and whether it is open at the end of the month. */
export interface RoomAtEnd {
  code: string;
  open: boolean;
}

/**
 * The rule's twin over plain rows: which of `rooms` (open at the end of `month`) report in it,
 * given the month's reporting records (visits, info reports, familiarity checks: badge and date)
 * and the officers' postings. A record outside every posting of its officer is placed nowhere.
 */
export function reportsIn(
  month: string,
  rooms: readonly RoomAtEnd[],
  records: readonly { badge: string; date: string }[],
  postings: readonly { badge: string; unit_code: string; start_date: string; end_date: string | null }[],
): Set<string> {
  const window = { first: `${month}-01`, last: endOfMonth(month) };
  const byBadge = new Map<string, typeof postings>();
  for (const p of postings) byBadge.set(p.badge, [...(byBadge.get(p.badge) ?? []), p]);
  const placedAt = new Set<string>();
  for (const r of records) {
    if (!isDatedIn(r.date, window)) continue;
    const posting = byBadge.get(r.badge)?.find((p) => isPostedOn(p, r.date));
    if (posting) placedAt.add(posting.unit_code);
  }
  return new Set(rooms.filter((r) => r.open && placedAt.has(r.code)).map((r) => r.code));
}
