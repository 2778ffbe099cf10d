/** The two assessment schemes of areas (SPEC §3). */
export type SchemeName = 'performance' | 'construction';

/** Every scheme Outpost scores with: the two of areas and the one of front-line officers. */
export type AnySchemeName = SchemeName | 'officer';

/** Which direction of an indicator's value is better. */
export type Better = 'higher' | 'lower';

/**
 * One indicator of a scheme.
 *
 * `scale` multiplies the raw numerator before dividing: `crime_rate` is per 10,000 residents
 * (scale 10000), `group_defense` per 1,000 residents (scale 1000), every other indicator 1.
 * Weights are expected to be >= 0 with a positive sum; `floor` and `target` bound the linear
 * part of the score (see `scoreOf`).
 */
export interface IndicatorDef {
  name: string;
  better: Better;
  floor: number;
  target: number;
  weight: number;
  scale: number;
  /**
   * The fewest cases (the denominator) a figure may rest on before it is marked a small sample
   * (samples.ts); absent or null: none, as in every scheme shipped.
   */
  min_sample?: number | null;
}

/**
 * A named, ordered list of indicators. The order is the SPEC table's and fixes summation order.
 * An indicator of weight 0 is shown but not scored: it neither counts in the composite nor makes
 * a ranked row lag or name a problem.
 */
export interface Scheme<N extends string = SchemeName> {
  name: N;
  indicators: IndicatorDef[];
  /** The saved version in force (1, 2, ...); 0 or absent for the defaults shipped. */
  version?: number;
  /** Small samples (samples.ts) make no row lag and name no problem; absent: they count as any figure. */
  exempt_small_samples?: boolean;
  /**
   * Performance only: the answers of the public survey form count in awareness and satisfaction
   * beside the survey records; absent: they are shown as their own figure and never scored.
   */
  count_online_answers?: boolean;
}

/** One row of a SPEC §3 table, in its column order. */
function row(name: string, better: Better, floor: number, target: number, weight: number, scale = 1): IndicatorDef {
  return { name, better, floor, target, weight, scale };
}

const performance: Scheme = {
  name: 'performance',
  indicators: [
    row('awareness_rate', 'higher', 0.5, 0.9, 15),
    row('familiarity_rate', 'higher', 0.6, 0.95, 20),
    row('info_provision_rate', 'higher', 0.5, 1.0, 15),
    row('crime_rate', 'lower', 5.0, 1.0, 15, 10_000),
    row('satisfaction_rate', 'higher', 0.7, 0.95, 20),
    row('group_defense', 'higher', 10, 100, 15, 1_000),
  ],
};

const construction: Scheme = {
  name: 'construction',
  indicators: [
    row('coverage_rate', 'higher', 0.5, 1.0, 30),
    row('staffing_rate', 'higher', 0.5, 1.0, 25),
    row('equipment_rate', 'higher', 0.5, 1.0, 15),
    row('standardization_rate', 'higher', 0.5, 1.0, 20),
    row('funds_rate', 'higher', 0.5, 1.0, 10),
  ],
};

/**
 * The default schemes exactly as SPEC §3 tables them, indicators in table order.
 * Treat as read-only: copy before adjusting (e.g. for a ranking preview).
 *
 * @example DEFAULT_SCHEMES.performance.indicators.map((i) => i.name)[0] // 'awareness_rate'
 */
export const DEFAULT_SCHEMES: Record<SchemeName, Scheme> = {
  performance,
  construction,
};

/** The schemes of areas, in the order they are offered. */
export const AREA_SCHEMES: readonly SchemeName[] = ['performance', 'construction'];

export function isAreaSchemeName(v: string | null | undefined): v is SchemeName {
  return v === 'performance' || v === 'construction';
}

/** How an indicator's value reads: a share, per 10,000 or per 1,000 residents, or visits a week. */
export type IndicatorUnit = 'rate' | 'per10k' | 'per1000' | 'perWeek';

/**
 * The unit of an indicator, from its scale (SPEC §3: crime_rate per 10,000 residents,
 * group_defense per 1,000) and, for the officer scheme's visits, its name.
 *
 * @example unitOf(DEFAULT_SCHEMES.performance.indicators[3]) // 'per10k'
 */
export function unitOf(d: { name: string; scale: number }): IndicatorUnit {
  if (d.scale === 10_000) return 'per10k';
  if (d.scale === 1_000) return 'per1000';
  return d.name === 'visits_per_week' ? 'perWeek' : 'rate';
}
