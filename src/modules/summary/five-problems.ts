/**
 * The five problems the provincial summary names (没人干、没地方、不会干、考不了、留不住), each
 * as a measure: people (staffing rate), premises (coverage), how to work (standardization),
 * assessment (share of open rooms with any record placed in the month to the day) and retention
 * (share of front-line officers two years or more in continuous front-line service, with the
 * turnover of the last twelve months). Plain functions over plain rows.
 */
import { addDays } from '../notifications/document/dates.ts';

export const FIVE = ['people', 'premises', 'working', 'assessment', 'retention'] as const;
export type Problem = (typeof FIVE)[number];

export interface Measure {
  measure: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when there is nothing to measure. */
  value: number | null;
}

export type FiveProblems = Record<Exclude<Problem, 'retention'>, Measure> & {
  retention: Measure & { turnover: Measure };
};

/** Counts of one area, summed from rows before dividing (a rate is never averaged). */
export interface Tally {
  rooms: number;
  staffed: number;
  standard: number;
  reporting: number;
  villages: number;
  covered: number;
  officers: number;
  long_serving: number;
  ended: number;
}

export function emptyTally(): Tally {
  return {
    rooms: 0,
    staffed: 0,
    standard: 0,
    reporting: 0,
    villages: 0,
    covered: 0,
    officers: 0,
    long_serving: 0,
    ended: 0,
  };
}

function measure(name: string, numerator: number, denominator: number): Measure {
  return { measure: name, numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export function fiveOf(t: Tally): FiveProblems {
  return {
    people: measure('staffing_rate', t.staffed, t.rooms),
    premises: measure('coverage_rate', t.covered, t.villages),
    working: measure('standardization_rate', t.standard, t.rooms),
    assessment: measure('reporting_rate', t.reporting, t.rooms),
    retention: {
      ...measure('retention_rate', t.long_serving, t.officers),
      turnover: measure('turnover_rate', t.ended, t.officers),
    },
  };
}

/**
 * The first day of an officer's current run of front-line service: going back from the posting
 * of the day through postings that follow each other without a gap.
 *
 * @example serviceStart([{ start_date: '2019-06-11', end_date: null }, { start_date: '2018-01-01', end_date: '2019-06-10' }], '2019-06-11') // '2018-01-01'
 */
export function serviceStart(
  postings: readonly { start_date: string; end_date: string | null }[],
  current: string,
): string {
  const sorted = [...postings].sort((a, b) => (a.start_date < b.start_date ? 1 : -1));
  let start = current;
  for (const p of sorted) {
    if (p.start_date >= start) continue;
    if (p.end_date !== null && addDays(p.end_date, 1) < start) break;
    start = p.start_date;
  }
  return start;
}
