/**
 * The rankings of rooms, stations and front-line officers, and the twelve-month trends, as the
 * API and the CLI ask for them: access first, then the figures; a read naming officers is audited.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import type { officerRankingsQuery, trendQuery, unitRankingsQuery } from '#core/contracts/subjects.schema.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { auditPeopleRead } from '../officers/people-read.ts';
import { OfficerAssessment } from './officer-ranking.service.ts';
import { UnitAssessment } from './unit-ranking.service.ts';
import { trend } from './trend.service.ts';
import { CompletenessService } from '../completeness/completeness.service.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

/** The rooms or stations of an area ranked by the records placed at them, each with its completeness. */
export async function unitRankingsFor(ctx: Services, actor: Actor, q: z.infer<typeof unitRankingsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  const rows = await new UnitAssessment(ctx.assessment).rankings(q.within, q.month, q.type, q.scheme);
  const completeness = await new CompletenessService(ctx.assessment).units(q.month);
  return rows.map((row) => ({ ...row, completeness: completeness.get(row.code) ?? null }));
}

/** The front-line officers of an area ranked under the officer scheme: a read of people. */
export async function officerRankingsFor(ctx: Services, actor: Actor, q: z.infer<typeof officerRankingsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  const rows = await new OfficerAssessment(ctx.assessment).rankings(q.within, q.month);
  await auditPeopleRead(ctx.db, actor.who, 'officer rankings', { ...q, badges: rows.map((r) => r.code) });
  return rows;
}

/**
 * Twelve months of an area, a unit or an officer. The figures are of the area the subject
 * belongs to (a unit's area, an officer's unit's area at the end of the month): visible where
 * that area's figures are.
 */
export async function trendFor(ctx: Services, actor: Actor, q: z.infer<typeof trendQuery>) {
  if (actor.scope) {
    const area =
      q.kind === 'area'
        ? q.code
        : q.kind === 'unit'
          ? (await new UnitAssessment(ctx.assessment).unit(q.code)).area_code
          : (await new OfficerAssessment(ctx.assessment).officer(q.code, q.month)).area_code;
    if (area === null) throw new AppError('officer_not_front_line', { badge: q.code, month: q.month });
    await requireAccess(ctx.areas, actor.scope, 'area.figures', area);
  }
  const answer = await trend(ctx.assessment, q);
  if (q.kind === 'officer') await auditPeopleRead(ctx.db, actor.who, `officer ${q.code}`, { trend: q.month });
  return answer;
}
