/**
 * A locked period's figures beside the live recomputation ("revised"): the area's indicators
 * and the ranking of its children, frozen as locked and as they would be computed now, with
 * what differs. Outside a lock the two are the same figures.
 */
import type { AppContext } from '../app-context.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import type { RevisionView } from '#core/contracts/periods.schema.ts';
import type { SchemeName } from '#core/assessment/scheme.ts';
import { compareRankings } from '#core/assessment/ranking-compare.ts';
import { periodsOf } from './periods.repository.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

export async function revisionFor(
  ctx: Services,
  actor: Actor,
  q: { month: string; area: string; scheme: SchemeName },
): Promise<RevisionView> {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  await ctx.areas.area(q.area);
  const live = ctx.assessment.revised();
  const frozen = await ctx.assessment.indicators(q.area, q.month, q.scheme);
  const revised = await live.indicators(q.area, q.month, q.scheme);
  const ranking = compareRankings(
    await ctx.assessment.rankings(q.area, q.month, q.scheme),
    await live.rankings(q.area, q.month, q.scheme),
  ).map(({ first, second, ...r }) => ({ ...r, frozen: first, revised: second }));
  const root = (await ctx.assessment.locks(q.month)).rootOf(q.area);
  const entry = root === null ? undefined : (await periodsOf(ctx.db.kysely, q.month, [root])).get(root);
  const indicators = Object.keys(frozen.indicators).map((indicator) => {
    const f = frozen.indicators[indicator];
    const r = revised.indicators[indicator] ?? { numerator: 0, denominator: 0, value: null, score: 0, no_data: true };
    return { indicator, frozen: f, revised: r, changed: JSON.stringify(f) !== JSON.stringify(r) };
  });
  return {
    area: q.area,
    month: q.month,
    scheme: q.scheme,
    locked: root !== null,
    locked_within: root,
    locked_at: entry?.locked_at ?? null,
    frozen,
    revised,
    indicators,
    ranking,
    changed:
      frozen.composite !== revised.composite ||
      frozen.scheme_version !== revised.scheme_version ||
      indicators.some((i) => i.changed) ||
      ranking.some((r) => r.changed),
  };
}
