/**
 * The twelve months ending with a month, for an area, a unit (station or room) or a front-line
 * officer: each month's composite and each indicator's value, scored with the scheme in force
 * for that month's year.
 *
 * @example await trend(assessment, { kind: 'area', code: 'P', scheme: 'performance', month: '2019-06' }) // 12 points, 2018-07 first
 */
import { AppError } from '../../shared/errors.ts';
import type { AnySchemeName, SchemeResult } from './domain/index.ts';
import { areaSchemeName, type AssessmentService } from './assessment.service.ts';
import { monthsEnding, parseMonth } from './month.ts';
import { OfficerAssessment } from './officer-ranking.service.ts';
import { UnitAssessment } from './unit-ranking.service.ts';

export type TrendKind = 'area' | 'unit' | 'officer';

export interface TrendQuery {
  kind: TrendKind;
  code: string;
  /** Defaults: performance for areas and units, officer for officers. */
  scheme?: string;
  month: string;
}

export interface TrendPoint {
  month: string;
  scheme_version: number;
  composite: number;
  /** Each indicator's value (null: no data). */
  indicators: Record<string, number | null>;
}

export interface Trend {
  kind: TrendKind;
  code: string;
  name: string;
  scheme: AnySchemeName;
  points: TrendPoint[];
}

export const TREND_MONTHS = 12;

export async function trend(assessment: AssessmentService, q: TrendQuery): Promise<Trend> {
  parseMonth(q.month);
  const months = monthsEnding(q.month, TREND_MONTHS);
  const scheme = schemeOfKind(q.kind, q.scheme);
  const point = async (month: string, result: SchemeResult): Promise<TrendPoint> => ({
    month,
    scheme_version: (await assessment.schemeFor(scheme, month)).version ?? 0,
    composite: result.composite,
    indicators: Object.fromEntries(Object.entries(result.indicators).map(([name, r]) => [name, r.value])),
  });
  const points: TrendPoint[] = [];
  if (q.kind === 'area') {
    const area = await assessment.areas.area(q.code);
    for (const month of months) points.push(await point(month, await assessment.indicators(q.code, month, scheme)));
    return { kind: q.kind, code: q.code, name: area.name, scheme, points };
  }
  if (q.kind === 'unit') {
    const units = new UnitAssessment(assessment);
    const unit = await units.unit(q.code);
    for (const month of months) points.push(await point(month, await units.result(q.code, month)));
    return { kind: q.kind, code: q.code, name: unit.name, scheme, points };
  }
  const officers = new OfficerAssessment(assessment);
  const officer = await officers.officer(q.code, q.month);
  for (const month of months) points.push(await point(month, await officers.result(q.code, month)));
  return { kind: q.kind, code: q.code, name: officer.name, scheme, points };
}

function schemeOfKind(kind: TrendKind, scheme: string | undefined): AnySchemeName {
  if (kind === 'officer') {
    if (scheme !== undefined && scheme !== 'officer') throw new AppError('scheme_not_for_officers', { scheme });
    return 'officer';
  }
  if (kind === 'unit' && scheme !== undefined && scheme !== 'performance')
    throw new AppError('scheme_not_for_units', { scheme, ranked: false });
  return areaSchemeName(scheme ?? 'performance');
}
