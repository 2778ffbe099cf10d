/** The figures a choropleth colours an area's children by, from the same ranking as GET rankings. */
import { areaSchemeName, type AssessmentService } from '../assessment/assessment.service.ts';
import type { FiguresRow } from './maps.schema.ts';

export async function choroplethFigures(
  assessment: AssessmentService,
  within: string,
  month: string,
  schemeName: string,
): Promise<FiguresRow[]> {
  const scheme = await assessment.schemeFor(areaSchemeName(schemeName), month);
  await assessment.area(within);
  const { rows, results } = await assessment.rankWithResults(within, month, scheme);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    rank: r.rank,
    composite: r.composite,
    lagging: r.lagging,
    problems: r.problems,
    indicators: results.get(r.code)!.indicators,
  }));
}
