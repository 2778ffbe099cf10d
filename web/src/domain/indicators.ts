/**
 * What the web app needs to show each indicator: its unit, direction, floor, target and weight.
 * The schemes are configuration, versioned by year (`GET schemes?year=`); the defaults of
 * SPEC §3 below stand in while that loads, or on a server without the route.
 */
import type { MessageKey } from '../i18n/i18n.tsx';

export type SchemeName = 'performance' | 'construction';
export const SCHEME_NAMES: SchemeName[] = ['performance', 'construction'];

/** Each scheme's short name, as the scheme choices show it. */
export const SCHEME_SHORT = {
  performance: 'scheme.performanceShort',
  construction: 'scheme.constructionShort',
  officer: 'scheme.officerShort',
} as const satisfies Record<SchemeName | 'officer', MessageKey>;

export type IndicatorUnit = 'rate' | 'per10k' | 'per1000' | 'perWeek';

export interface IndicatorMeta {
  name: string;
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  floor: number;
  target: number;
  weight: number;
}

const rate = (name: string, floor: number, target: number, weight: number): IndicatorMeta => ({
  name,
  unit: 'rate',
  better: 'higher',
  floor,
  target,
  weight,
});

export const SCHEMES: Record<SchemeName, IndicatorMeta[]> = {
  performance: [
    rate('awareness_rate', 0.5, 0.9, 15),
    rate('familiarity_rate', 0.6, 0.95, 20),
    rate('info_provision_rate', 0.5, 1, 15),
    { name: 'crime_rate', unit: 'per10k', better: 'lower', floor: 5, target: 1, weight: 15 },
    rate('satisfaction_rate', 0.7, 0.95, 20),
    { name: 'group_defense', unit: 'per1000', better: 'higher', floor: 10, target: 100, weight: 15 },
  ],
  construction: [
    rate('coverage_rate', 0.5, 1, 30),
    rate('staffing_rate', 0.5, 1, 25),
    rate('equipment_rate', 0.5, 1, 15),
    rate('standardization_rate', 0.5, 1, 20),
    rate('funds_rate', 0.5, 1, 10),
  ],
};

/** The officer scheme's indicators (ranking front-line officers; not a scheme of areas). */
export const OFFICER_INDICATORS: IndicatorMeta[] = [
  rate('familiarity_rate', 0.6, 0.95, 40),
  rate('info_provision_rate', 0.5, 1, 30),
  { name: 'visits_per_week', unit: 'perWeek', better: 'higher', floor: 5, target: 10, weight: 30 },
];

export function isScheme(v: string | null | undefined): v is SchemeName {
  return v === 'performance' || v === 'construction';
}

export function indicatorMeta(name: string): IndicatorMeta | undefined {
  return (
    SCHEMES.performance.find((i) => i.name === name) ??
    SCHEMES.construction.find((i) => i.name === name) ??
    OFFICER_INDICATORS.find((i) => i.name === name)
  );
}

/** A score below this names the indicator among an area's problems (SPEC §3). */
export const PROBLEM_SCORE = 60;

/** An indicator as `GET schemes?year=` describes it. */
export interface SchemeIndicator {
  name: string;
  weight: number;
  floor: number;
  target: number;
  better: 'higher' | 'lower';
  /** 1 for a rate, 10,000 for per ten thousand residents, 1,000 for per thousand. */
  scale: number;
}

export function metaOf(i: SchemeIndicator): IndicatorMeta {
  const unit: IndicatorUnit =
    i.scale === 10_000
      ? 'per10k'
      : i.scale === 1_000
        ? 'per1000'
        : (indicatorMeta(i.name)?.unit ?? (i.name.endsWith('_rate') ? 'rate' : 'perWeek'));
  return { name: i.name, unit, better: i.better, floor: i.floor, target: i.target, weight: i.weight };
}
