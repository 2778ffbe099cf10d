/**
 * The last step of an explanation: the records that make up what is placed at an area itself
 * (all of a village's figure), a page at a time, each with its part of the numerator (scaled
 * as the indicator is) and of the denominator. The parts of every page sum to `own`.
 *
 * @example
 *   const page = await explainRecords(assessment, { area: 'V1', month: '2019-06', scheme: 'performance', indicator: 'awareness_rate', limit: 50, offset: 0 });
 */
import { AppError } from '../../shared/errors.ts';
import type { SchemeName } from './domain/index.ts';
import type { AssessmentService } from './assessment.service.ts';
import { areaSchemeName } from './assessment.service.ts';
import { RECORD_FINDERS, type RecordRow } from './explain-records.repository.ts';
import { parseMonth } from './month.ts';

export interface RecordsQuery {
  area: string;
  month: string;
  scheme: string;
  indicator: string;
  limit: number;
  offset: number;
}

export interface RecordsExplanation {
  indicator: string;
  area: string;
  month: string;
  scheme: SchemeName;
  /** What is placed at the area itself: the sum over every record, not only this page. */
  own: { numerator: number; denominator: number };
  total: number;
  limit: number;
  offset: number;
  items: RecordRow[];
}

export async function explainRecords(assessment: AssessmentService, q: RecordsQuery): Promise<RecordsExplanation> {
  const scheme = await assessment.schemeFor(areaSchemeName(q.scheme), q.month);
  const def = scheme.indicators.find((d) => d.name === q.indicator);
  const find = RECORD_FINDERS[q.indicator];
  if (!def || !find)
    throw new AppError('indicator_unknown', { value: q.indicator, choices: scheme.indicators.map((d) => d.name) });
  await assessment.areas.area(q.area);
  const rows = await assessment.cached(`records:${q.indicator}:${q.area}:${q.month}`, () =>
    find(assessment.db, q.area, parseMonth(q.month)),
  );
  const items = rows
    .map((r) => ({ ...r, numerator: r.numerator * def.scale }))
    .sort((a, b) => cmp(a.kind, b.kind) || cmp(a.date ?? '', b.date ?? '') || cmp(a.key, b.key));
  const own = { numerator: 0, denominator: 0 };
  for (const r of items) {
    own.numerator += r.numerator;
    own.denominator += r.denominator;
  }
  return {
    indicator: q.indicator,
    area: q.area,
    month: q.month,
    scheme: scheme.name,
    own,
    total: items.length,
    limit: q.limit,
    offset: q.offset,
    items: items.slice(q.offset, q.offset + q.limit),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
