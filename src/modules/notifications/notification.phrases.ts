/**
 * What a notification says, sentence by sentence, in one language. `composeNotification` lays
 * out the sections; a phrase book writes their words from the facts. Chinese and English books
 * say the same things.
 */
import type { SchemeName } from '../assessment/domain/index.ts';
import type { NotificationFacts, Problem, SchemeRanking, SupervisionState } from './notification.facts.ts';

/** How the issuing area and its children are named in running text. */
export interface Naming {
  /** 全省 / the province */
  scope: string;
  /** 各市（州） / the cities and prefectures */
  children: string;
}

export interface Phrases {
  title(f: NotificationFacts): string;
  recipients(list: string[]): string;
  correction(c: { number: string; reason: string }): string;
  /** The line that says the figures are not locked yet (issue 19). */
  provisional: string;
  intro(f: NotificationFacts, n: Naming): string;
  /** Section numbering: 一、 / 1. */
  numeral(i: number): string;
  /** Subsection numbering: （一） / (1) */
  subNumeral(i: number): string;
  heads: {
    basics: string;
    rankings: string;
    commendations: string;
    problems: string;
    supervision: string;
    requirements: string;
  };
  overview(f: NotificationFacts, n: Naming): string;
  composites(f: NotificationFacts, n: Naming): string;
  rankingHeading(scheme: SchemeName): string;
  rankingSummary(r: SchemeRanking): string;
  rankingCaption(f: NotificationFacts, scheme: SchemeName): string;
  mapCaption(f: NotificationFacts, scheme: SchemeName): string;
  rankingColumns: {
    rank: string;
    area: string;
    composite: string;
    rankChange: string;
    compositeChange: string;
    lagging: string;
    problems: string;
  };
  yes: string;
  /** Indicator names joined as a list. */
  list(items: string[]): string;
  commendations(f: NotificationFacts): string;
  laggingIntro: string;
  noLagging: string;
  problemsHeading(scheme: SchemeName): string;
  laggingArea(problems: Problem[]): string;
  repeats(problems: Problem[]): string;
  problemCaption(f: NotificationFacts): string;
  problemColumns: {
    area: string;
    scheme: string;
    indicator: string;
    value: string;
    target: string;
    score: string;
    streak: string;
  };
  schemeShort(scheme: SchemeName): string;
  indicator(name: string): string;
  value(indicator: string, value: number | null): string;
  target(indicator: string, target: number | null): string;
  supervision(s: SupervisionState, f: NotificationFacts, n: Naming): string;
  overdueCaption: string;
  overdueColumns: { area: string; indicator: string; number: string; deadline: string; days: string; leader: string };
  requirements(f: NotificationFacts, n: Naming): string[];
  date(day: string): string;
  printed(day: string): string;
}
