/**
 * The annual work summary of an area: facts gathered once, then written in Chinese or English.
 *
 * @example
 *   const { facts, document } = await annualSummary(db.kysely, assessment, { area: '220000000000', year: 2019, lang: 'zh', date: '2020-01-10' });
 *   fs.writeFileSync('summary.docx', await renderDocument(document, 'docx'));
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { today } from '../../shared/clock.ts';
import type { AssessmentService } from '../assessment/assessment.service.ts';
import type { AppContext } from '../app-context.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import type { OfficialDocument } from '#core/documents/document.ts';
import { loadSettings } from '../notifications/settings.service.ts';
import { composeSummary } from './summary.compose.ts';
import type { SummaryFacts } from './summary.facts.ts';
import { gatherSummary, type SummaryRequest } from './summary.gather.ts';

export async function annualSummary(
  db: Kysely<DB>,
  assessment: AssessmentService,
  q: SummaryRequest,
): Promise<{ facts: SummaryFacts; document: OfficialDocument }> {
  const facts = await gatherSummary(db, assessment, await loadSettings(db), q);
  return { facts, document: composeSummary(facts) };
}

/** The summary as an actor asks for it: the area's figures and its children's, so visible where both are (its own subtree). */
export async function summaryFor(
  ctx: Pick<AppContext, 'db' | 'areas' | 'assessment'>,
  actor: Actor,
  q: Omit<SummaryRequest, 'date'> & { date?: string },
): Promise<{ facts: SummaryFacts; document: OfficialDocument }> {
  await requireAccess(ctx.areas, actor.scope, 'area.figures', q.area);
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  await ctx.areas.area(q.area);
  return annualSummary(ctx.db.kysely, ctx.assessment, { ...q, date: q.date ?? summaryDate(q.year) });
}

/** A summary of year Y is dated today, or the year's last day while the year is not over. */
export function summaryDate(year: number): string {
  const end = `${year}-12-31`;
  const now = today();
  return now > end ? now : end;
}
