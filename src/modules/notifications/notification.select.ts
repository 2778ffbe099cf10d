/**
 * Pure choices a notification makes from a month's rankings: which areas it commends, which
 * problems it names and how many months running each has been named.
 */
import type {
  IndicatorDef,
  RankingRow,
  RankingRowWithChange,
  Scheme,
  SchemeName,
  SchemeResult,
} from '../assessment/domain/index.ts';
import type { Problem } from './notification.facts.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';

/** Stands in for the indicator when an area lags on its rank or composite with no indicator under 60. */
export const COMPOSITE = 'composite';

/**
 * Areas commended: not lagging, and ranked within the top `top` or scoring at least `threshold`.
 *
 * @example commendedOf('construction', rows, 3, 90)
 */
export function commendedOf(scheme: SchemeName, rows: readonly RankingRow[], top: number, threshold: number) {
  return rows
    .filter((r) => !r.lagging && (r.rank <= top || r.composite >= threshold))
    .map((r) => ({ scheme, code: r.code, name: r.name, rank: r.rank, composite: r.composite }));
}

/** How a problem is matched from month to month: the same area, scheme and indicator. */
export function problemKey(p: { scheme: string; area_code: string; indicator: string }): string {
  return `${p.scheme}:${p.area_code}:${p.indicator}`;
}

/**
 * The problems a notification names: every lagging area's indicators scoring under 60 (or
 * `composite` when none does), with value, target and score from `results`. The streak goes on
 * from the notice of the month before (`previous`: problem key -> its streak there), so a
 * problem named two months running has streak 2.
 */
export function problemsOf(
  scheme: Scheme,
  rows: readonly RankingRowWithChange[],
  results: ReadonlyMap<string, SchemeResult>,
  previous: ReadonlyMap<string, number>,
): Problem[] {
  const defs = new Map<string, IndicatorDef>(scheme.indicators.map((d) => [d.name, d]));
  const out: Problem[] = [];
  for (const row of rows) {
    if (!row.lagging) continue;
    for (const indicator of row.problems.length ? row.problems : [COMPOSITE]) {
      const streak = (previous.get(problemKey({ scheme: scheme.name, area_code: row.code, indicator })) ?? 0) + 1;
      const result = indicator === COMPOSITE ? null : results.get(row.code)?.indicators[indicator];
      out.push({
        scheme: scheme.name,
        area_code: row.code,
        area_name: row.name,
        rank: row.rank,
        composite: row.composite,
        indicator,
        value: indicator === COMPOSITE ? row.composite : (result?.value ?? null),
        target: indicator === COMPOSITE ? PASSING_SCORE : (defs.get(indicator)?.target ?? null),
        score: indicator === COMPOSITE ? row.composite : (result?.score ?? null),
        streak,
      });
    }
  }
  return out;
}
