import type { Figures } from './figures.ts';
import { rankWithSamples, type SampledRow } from './samples.ts';
import type { Scheme } from './scheme.ts';
import { evaluateScheme, type IndicatorResult, type SchemeResult } from './score.ts';

/** Anything ranked: an area, a unit or an officer, with its raw figures. */
export interface Subject {
  code: string;
  name: string;
  figures: Figures;
}

/**
 * The results of the scored indicators only (weight above 0): an indicator of weight 0 is shown
 * but makes no row lag and names no problem. With the defaults (every weight above 0) this is
 * every indicator.
 */
export function scoredResults(
  scheme: Scheme<string>,
  results: Record<string, IndicatorResult>,
): Record<string, IndicatorResult> {
  const out: Record<string, IndicatorResult> = {};
  for (const def of scheme.indicators) if (def.weight > 0 && results[def.name]) out[def.name] = results[def.name];
  return out;
}

/**
 * Evaluates each subject under `scheme` and ranks them (SPEC §3 ranking and lagging), each row
 * with its small samples marked (samples.ts).
 *
 * @example rankUnder(OFFICER_SCHEME, officers).rows[0].rank // 1
 */
export function rankUnder(
  scheme: Scheme<string>,
  subjects: readonly Subject[],
): { rows: SampledRow[]; results: Map<string, SchemeResult> } {
  const results = new Map<string, SchemeResult>();
  const evaluated = subjects.map((s) => {
    const result = evaluateScheme(scheme, s.figures);
    results.set(s.code, result);
    return { code: s.code, name: s.name, result };
  });
  return { rows: rankWithSamples(scheme, evaluated), results };
}
