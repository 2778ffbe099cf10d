/**
 * Small samples: a figure whose denominator is above 0 but under its indicator's minimum sample
 * (scheme data, optional per indicator; the shipped schemes set none) rests on too few cases to
 * judge by: it is marked. A scheme that exempts small samples decides lagging and problems
 * without them: their weight is left out of the composite that decides lagging (below 60, or
 * among the last three), and they name no problem. Rank and composite stay those of every
 * figure, so a scheme without minimums ranks exactly as SPEC §3 says. A zero denominator is
 * `no_data`, not a small sample: not reporting still lags.
 *
 * @example
 *   isSmallSample({ min_sample: 30 }, 7); // true
 *   isSmallSample({ min_sample: 30 }, 0); // false (no data)
 */
import { rank, type RankingRow } from './ranking.ts';
import type { IndicatorDef, Scheme } from './scheme.ts';
import type { IndicatorResult, SchemeResult } from './score.ts';

/** A ranked row with the names of its scored figures that are small samples. */
export type SampledRow = RankingRow & { small_samples: string[] };

export function isSmallSample(def: Pick<IndicatorDef, 'min_sample'>, denominator: number): boolean {
  return def.min_sample != null && denominator > 0 && denominator < def.min_sample;
}

/** The indicators of `results` whose figure is a small sample under `scheme`, alphabetically. */
export function smallSamples(scheme: Scheme<string>, results: Record<string, IndicatorResult>): string[] {
  return scheme.indicators
    .filter((d) => results[d.name] && isSmallSample(d, results[d.name].denominator))
    .map((d) => d.name)
    .sort();
}

/**
 * Ranks `subjects` (each with its full result under `scheme`) as SPEC §3 does, marks each row's
 * small samples, and when `scheme.exempt_small_samples` is set decides lagging and problems
 * without them. A subject all of whose scored figures are small samples is not lagging.
 */
export function rankWithSamples(
  scheme: Scheme<string>,
  subjects: readonly { code: string; name: string; result: SchemeResult }[],
): SampledRow[] {
  const scored = scheme.indicators.filter((d) => d.weight > 0);
  const scoredOf = (result: SchemeResult, keep: (d: IndicatorDef) => boolean) =>
    Object.fromEntries(scored.filter(keep).map((d) => [d.name, result.indicators[d.name]]));
  const small = new Map(subjects.map((s) => [s.code, smallSamples(scheme, s.result.indicators)]));
  const rows = rank(
    subjects.map((s) => ({
      code: s.code,
      name: s.name,
      composite: s.result.composite,
      indicators: scoredOf(s.result, () => true),
    })),
  );
  if (!scheme.exempt_small_samples || [...small.values()].every((names) => names.length === 0))
    return rows.map((r) => ({ ...r, small_samples: small.get(r.code)! }));

  // Lagging and problems judged again without the small figures, among the subjects left to judge.
  const judged = subjects.flatMap((s) => {
    const exempt = new Set(small.get(s.code));
    const kept = scored.filter((d) => !exempt.has(d.name));
    const weights = kept.reduce((n, d) => n + d.weight, 0);
    if (weights === 0) return [];
    const weighted = kept.reduce((n, d) => n + d.weight * s.result.indicators[d.name].score, 0);
    return [
      {
        code: s.code,
        name: s.name,
        composite: Math.min(100, Math.max(0, weighted / weights)),
        indicators: scoredOf(s.result, (d) => !exempt.has(d.name)),
      },
    ];
  });
  const decided = new Map(rank(judged).map((r) => [r.code, r]));
  return rows.map((r) => {
    const d = decided.get(r.code);
    return {
      ...r,
      lagging: d ? d.lagging : false,
      problems: d ? d.problems : [],
      small_samples: small.get(r.code)!,
    };
  });
}

/** A figure of a ranked unit or officer: its result and whether it is a small sample. */
export type SampledFigure = IndicatorResult & { small_sample: boolean };

/** Every indicator of `result` with its sample size marked, in the scheme's order. */
export function sampledFigures(scheme: Scheme<string>, result: SchemeResult): Record<string, SampledFigure> {
  const out: Record<string, SampledFigure> = {};
  for (const d of scheme.indicators) {
    const r = result.indicators[d.name];
    if (r) out[d.name] = { ...r, small_sample: isSmallSample(d, r.denominator) };
  }
  return out;
}
