/**
 * What the web app needs to show each indicator: its unit, direction, floor, target and weight.
 * The schemes are configuration, versioned by year (`GET schemes?year=`); the shipped tables of
 * SPEC §3 (the core's, the same the server scores with) stand in while that loads, or on a
 * server without the route.
 */
import {
  AREA_SCHEMES,
  DEFAULT_SCHEMES,
  isAreaSchemeName,
  OFFICER_SCHEME,
  unitOf,
  type IndicatorDef,
  type IndicatorUnit,
  type SchemeName,
} from '#core/assessment/index.ts';
import type { MessageKey } from '../i18n/i18n.tsx';

export type { IndicatorUnit, SchemeName };
export const SCHEME_NAMES = AREA_SCHEMES;
export const isScheme = isAreaSchemeName;

/** Each scheme's short name, as the scheme choices show it. */
export const SCHEME_SHORT = {
  performance: 'scheme.performanceShort',
  construction: 'scheme.constructionShort',
  officer: 'scheme.officerShort',
} as const satisfies Record<SchemeName | 'officer', MessageKey>;

export interface IndicatorMeta {
  name: string;
  unit: IndicatorUnit;
  better: 'higher' | 'lower';
  floor: number;
  target: number;
  weight: number;
}

/** An indicator as `GET schemes?year=` describes it, or as the core's tables hold it. */
export type SchemeIndicator = Pick<IndicatorDef, 'name' | 'weight' | 'floor' | 'target' | 'better' | 'scale'>;

export function metaOf(i: SchemeIndicator): IndicatorMeta {
  return { name: i.name, unit: unitOf(i), better: i.better, floor: i.floor, target: i.target, weight: i.weight };
}

/** The shipped schemes of areas, as the web shows them. */
export const SCHEMES: Record<SchemeName, IndicatorMeta[]> = {
  performance: DEFAULT_SCHEMES.performance.indicators.map(metaOf),
  construction: DEFAULT_SCHEMES.construction.indicators.map(metaOf),
};

/** The shipped settings of an indicator of any scheme (the officer scheme's last). */
export function indicatorMeta(name: string): IndicatorMeta | undefined {
  const d = [
    ...DEFAULT_SCHEMES.performance.indicators,
    ...DEFAULT_SCHEMES.construction.indicators,
    ...OFFICER_SCHEME.indicators,
  ].find((i) => i.name === name);
  return d && metaOf(d);
}
