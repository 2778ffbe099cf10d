/** A scheme in force as the API and the CLI show it. */
import { INFORMATIONAL } from '#core/assessment/informational.ts';
import type { SchemePresented } from '#core/contracts/schemes.schema.ts';
import type { ResolvedScheme } from './schemes.service.ts';

export function presentScheme(r: ResolvedScheme): SchemePresented {
  return {
    name: r.name,
    year: r.year,
    version: r.version,
    source: r.source,
    note: r.note,
    saved_at: r.saved_at,
    saved_by: r.saved_by,
    indicators: r.scheme.indicators.map((d) => ({
      name: d.name,
      weight: d.weight,
      floor: d.floor,
      target: d.target,
      better: d.better,
      scale: d.scale,
      scored: d.weight > 0,
      min_sample: d.min_sample ?? null,
    })),
    exempt_small_samples: r.scheme.exempt_small_samples ?? false,
    count_online_answers: r.scheme.count_online_answers ?? false,
    thresholds: { ...r.definition.thresholds },
    informational: r.name === 'performance' ? [...INFORMATIONAL] : [],
  };
}
