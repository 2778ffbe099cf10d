/**
 * What an annual summary says, sentence by sentence, in one language; `composeSummary` lays out
 * the sections and tables. The Chinese and English books say the same things from the same facts.
 */
import type { SchemeName } from '../assessment/domain/index.ts';
import type { Naming } from '../notifications/notification.phrases.ts';
import type { SchemeYear, SummaryFacts } from './summary.facts.ts';

export interface SummaryPhrases {
  title(f: SummaryFacts): string;
  intro(f: SummaryFacts, n: Naming): string;
  numeral(i: number): string;
  subNumeral(i: number): string;
  heads: {
    basics: string;
    funds: string;
    assessment: string;
    reform: string;
    five: string;
    supervision: string;
    next: string;
  };
  standing(f: SummaryFacts, n: Naming): string;
  growth(f: SummaryFacts): string;
  standingCaption(f: SummaryFacts): string;
  standingColumns: { item: string; before: string; now: string; change: string };
  standingRows: {
    community_room: string;
    rural_office: string;
    station: string;
    community: string;
    resident: string;
    full_time: string;
    full_time_members: string;
    volunteer: string;
    volunteer_members: string;
  };
  funds(f: SummaryFacts, n: Naming): string;
  equipment(f: SummaryFacts, n: Naming): string;
  fundsCaption(f: SummaryFacts): string;
  fundsColumns: {
    county: string;
    countyAllocated: string;
    countyPaid: string;
    townships: string;
    townshipAllocated: string;
    townshipPaid: string;
    rate: string;
    total: string;
  };
  schemeHeading(scheme: SchemeName): string;
  schemeYear(s: SchemeYear, f: SummaryFacts, n: Naming): string;
  ranksCaption(s: SchemeYear, f: SummaryFacts): string;
  mapCaption(s: SchemeYear, f: SummaryFacts): string;
  ranksColumns: { area: string; month: (m: number) => string; lagging: string };
  resultsHeading: string;
  results(f: SummaryFacts, n: Naming): string;
  resultsCaption(f: SummaryFacts): string;
  resultsColumns: { scheme: string; indicator: string; value: string; target: string; score: string };
  schemeShort(scheme: SchemeName): string;
  indicator(name: string): string;
  value(indicator: string, value: number | null): string;
  target(indicator: string, target: number): string;
  reform(f: SummaryFacts, n: Naming): string;
  five(f: SummaryFacts, n: Naming): string;
  fiveCaption(f: SummaryFacts): string;
  fiveColumns: {
    area: string;
    people: string;
    premises: string;
    working: string;
    assessment: string;
    retention: string;
    turnover: string;
    all: string;
  };
  supervision(f: SummaryFacts, n: Naming): string;
  next(f: SummaryFacts, n: Naming): string[];
  date(day: string): string;
}
