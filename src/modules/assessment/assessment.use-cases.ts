/**
 * The assessment's reads as the API and the CLI ask for them: each checks the actor's access
 * first (accounts/access.ts), then asks the assessment; a read naming officers is audited.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import type {
  explainQuery,
  explainRecordsQuery,
  indicatorsQuery,
  previewBody,
  previewQuery,
  rankingsQuery,
} from '#core/contracts/assessment.schema.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { auditPeopleRead, peopleInScope } from '../officers/people-read.ts';
import { explainRecords } from './explain-records.service.ts';
import { OfficerAssessment } from './officer-ranking.service.ts';
import { editedScheme } from './scheme-edit.ts';
import { CompletenessService } from '../completeness/completeness.service.ts';
import type { Completeness } from '#core/assessment/completeness.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

/** An area's indicators, scores and composite for a month. */
export async function indicatorsFor(ctx: Services, actor: Actor, q: z.infer<typeof indicatorsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.figures', q.area);
  return ctx.assessment.indicators(q.area, q.month, q.scheme);
}

/** The ranking of an area's children, with change against the month before and each one's completeness (SPEC §5). */
export async function rankingsFor(ctx: Services, actor: Actor, q: z.infer<typeof rankingsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  return withCompleteness(ctx, q.within, q.month, await ctx.assessment.rankings(q.within, q.month, q.scheme));
}

/**
 * Each ranked child with its completeness in the month. A ranking frozen by a lock keeps the
 * completeness it was locked with (periods.service.ts stores it), as it keeps its figures.
 */
export async function withCompleteness<R extends { code: string; completeness?: Completeness }>(
  ctx: Pick<Services, 'assessment'>,
  within: string,
  month: string,
  rows: R[],
) {
  const children = await new CompletenessService(ctx.assessment).children(within, month);
  const completeness = new Map(children.map(({ code, name: _, ...c }) => [code, c]));
  return rows.map((row) => ({ ...row, completeness: row.completeness ?? completeness.get(row.code) }));
}

/** How one figure is made from an area's children and what is placed at the area itself. */
export async function explainFor(ctx: Services, actor: Actor, q: z.infer<typeof explainQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  return ctx.assessment.explain(q.area, q.month, q.scheme, q.indicator);
}

/** The records behind what is placed at an area itself: records, so only within the scope's subtree. */
export async function explainRecordsFor(ctx: Services, actor: Actor, q: z.infer<typeof explainRecordsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.records', q.area);
  const page = await explainRecords(ctx.assessment, q);
  const badges = page.items.flatMap((r) =>
    r.kind === 'officers' ? [r.key] : typeof r.detail.badge === 'string' ? [r.detail.badge] : [],
  );
  if (badges.length > 0)
    await auditPeopleRead(ctx.db, actor.who, `records of ${q.area}`, {
      indicator: q.indicator,
      month: q.month,
      badges: [...new Set(badges)],
    });
  return page;
}

/** The ranking as it would be under edited settings, saving nothing; of officers, audited as a read of people. */
export async function previewFor(
  ctx: Services,
  actor: Actor,
  q: z.infer<typeof previewQuery>,
  { scheme, indicators, exempt_small_samples, count_online_answers }: z.infer<typeof previewBody>,
) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  if (scheme !== 'officer') {
    const edited = editedScheme(
      await ctx.assessment.schemeFor(scheme, q.month),
      indicators,
      exempt_small_samples,
      count_online_answers,
    );
    return withCompleteness(ctx, q.within, q.month, await ctx.assessment.rankings(q.within, q.month, scheme, edited));
  }
  const edited = editedScheme(await ctx.assessment.schemeFor(scheme, q.month), indicators, exempt_small_samples);
  const all = await new OfficerAssessment(ctx.assessment).rankings(q.within, q.month, edited);
  const rows = await peopleInScope(ctx.db, actor.scope, all, (r) => r.code);
  await auditPeopleRead(ctx.db, actor.who, 'officer rankings (preview)', { ...q, badges: rows.map((r) => r.code) });
  return rows;
}
