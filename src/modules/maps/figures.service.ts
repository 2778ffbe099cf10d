/** The figures a choropleth colours an area's children by, from the same ranking as GET rankings. */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { areaSchemeName, type AssessmentService } from '../assessment/assessment.service.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { CompletenessService } from '../completeness/completeness.service.ts';
import type { figuresQuery } from '#core/contracts/maps.schema.ts';
import type { FiguresRow } from '#core/contracts/maps.schema.ts';

export async function choroplethFigures(
  assessment: AssessmentService,
  within: string,
  month: string,
  schemeName: string,
): Promise<FiguresRow[]> {
  const scheme = await assessment.schemeFor(areaSchemeName(schemeName), month);
  await assessment.areas.area(within);
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

/**
 * The choropleth's figures as an actor asks for them: figures of a ranking, visible where the
 * ranking is, each child with its completeness in the month (a metric of its own on the map).
 */
export async function figuresFor(
  ctx: Pick<AppContext, 'areas' | 'assessment'>,
  actor: Actor,
  q: z.infer<typeof figuresQuery>,
) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  const rows = await choroplethFigures(ctx.assessment, q.within, q.month, q.scheme);
  const children = await new CompletenessService(ctx.assessment).children(q.within, q.month);
  const completeness = new Map(children.map(({ code, name: _, ...c }) => [code, c]));
  return rows.map((row) => ({ ...row, completeness: completeness.get(row.code) }));
}
