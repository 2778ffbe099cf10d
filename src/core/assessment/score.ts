import type { Figure, Figures } from './figures.ts';
import type { IndicatorDef, Scheme } from './scheme.ts';

/** One indicator of one area, as `indicators --json` prints it (numerator already scaled). */
export interface IndicatorResult {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
  /** 0 to 100; 0 when there is no value. */
  score: number;
  /** True when there is no value: not reporting must not pay. */
  no_data: boolean;
}

/** A whole scheme evaluated for one area. */
export interface SchemeResult {
  /** sum(weight x score) / sum(weight), summed in the scheme's indicator order. */
  composite: number;
  /** Keyed by indicator name, in the scheme's order. */
  indicators: Record<string, IndicatorResult>;
}

/**
 * The score of value `v` under `def` (SPEC §3): higher-better
 * `100 x clamp((v - floor) / (target - floor), 0, 1)`, lower-better
 * `100 x clamp((floor - v) / (floor - target), 0, 1)`; a null value scores 0.
 * Written literally in that shape so the floating-point results match the acceptance file.
 * A degenerate def with floor = target scores 100 when v reaches the target, 0 otherwise.
 */
export function scoreOf(def: IndicatorDef, v: number | null): number {
  if (v === null) return 0;
  const { floor, target } = def;
  if (floor === target) {
    const reached = def.better === 'higher' ? v >= target : v <= target;
    return reached ? 100 : 0;
  }
  if (def.better === 'higher') return 100 * Math.min(1, Math.max(0, (v - floor) / (target - floor)));
  return 100 * Math.min(1, Math.max(0, (floor - v) / (floor - target)));
}

/**
 * Evaluates one indicator from its RAW figure: numerator = scale x raw numerator,
 * value = numerator / denominator (null when the denominator is 0), score per `scoreOf`.
 *
 * @example evaluate(crimeRateDef, { numerator: 40, denominator: 381733 })
 * // { numerator: 400000, denominator: 381733, value: 1.0478..., score: 98.8036..., no_data: false }
 */
export function evaluate(def: IndicatorDef, raw: Figure): IndicatorResult {
  const numerator = def.scale * raw.numerator;
  const denominator = raw.denominator;
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    numerator,
    denominator,
    value,
    score: scoreOf(def, value),
    no_data: value === null,
  };
}

/**
 * Evaluates every indicator of `scheme` from an area's raw figures (a missing indicator counts
 * as 0 / 0, so no_data) and the composite sum(weight x score) / sum(weight), summed in table
 * order, kept within [0, 100]. A scheme whose weights sum to 0 has composite 0.
 */
export function evaluateScheme(scheme: Scheme<string>, figures: Figures): SchemeResult {
  const indicators: Record<string, IndicatorResult> = {};
  let weighted = 0;
  let weights = 0;
  for (const def of scheme.indicators) {
    const result = evaluate(def, figures[def.name] ?? { numerator: 0, denominator: 0 });
    indicators[def.name] = result;
    weighted += def.weight * result.score;
    weights += def.weight;
  }
  // The clamp only ever catches rounding: fractional weights can give 100.00000000000001 when
  // every score is 100 (integer weights, like the defaults', cannot).
  const composite = weights === 0 ? 0 : Math.min(100, Math.max(0, weighted / weights));
  return { composite, indicators };
}
