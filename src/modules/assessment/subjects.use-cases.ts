/**
 * The rankings of rooms, stations and front-line officers, and the twelve-month trends, as the
 * API and the CLI ask for them: access first, then the figures; a read naming officers is audited.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import type { officerRankingsQuery, trendQuery, unitRankingsQuery } from '#core/contracts/subjects.schema.ts';
import { hasAccess, requireAccess, type Actor } from '../accounts/access.ts';
import { auditPeopleRead, peopleInScope, requirePerson } from '../officers/people-read.ts';
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

/**
 * The front-line officers of an area ranked under the officer scheme: a read of people, of those
 * in the actor's scope only (each keeps its place in the whole ranking).
 */
export async function officerRankingsFor(ctx: Services, actor: Actor, q: z.infer<typeof officerRankingsQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  const all = await new OfficerAssessment(ctx.assessment).rankings(q.within, q.month);
  const rows = await peopleInScope(ctx.db, actor.scope, all, (r) => r.code);
  await auditPeopleRead(ctx.db, actor.who, 'officer rankings', { ...q, badges: rows.map((r) => r.code) });
  return rows;
}

/**
 * Twelve months of an area, a unit or an officer. The figures are of the area the subject
 * belongs to (a unit's area, an officer's unit's area at the end of the month): visible where
 * that area's figures are. An officer's are a person's: only of one in the actor's scope.
 */
export async function trendFor(ctx: Services, actor: Actor, q: z.infer<typeof trendQuery>) {
  if (actor.scope) {
    if (q.kind === 'officer') await requirePerson(ctx.db, actor.scope, q.code);
    const area =
      q.kind === 'area'
        ? q.code
        : q.kind === 'unit'
          ? (await new UnitAssessment(ctx.assessment).unit(q.code)).area_code
          : (await new OfficerAssessment(ctx.assessment).officer(q.code, q.month)).area_code;
    if (area === null) throw new AppError('officer_not_front_line', { badge: q.code, month: q.month });
    // Hidden, a subject answers as one that does not exist: by its own code, never by the area it lies in.
    if (!hasAccess(await ctx.areas.tree(), actor.scope, 'area.figures', area))
      throw q.kind === 'area'
        ? new AppError('area_not_found', { area: q.code })
        : q.kind === 'unit'
          ? new AppError('room_or_station_not_found', { unit: q.code })
          : new AppError('officer_not_found', { badge: q.code });
  }
  const answer = await trend(ctx.assessment, q);
  if (q.kind === 'officer') await auditPeopleRead(ctx.db, actor.who, `officer ${q.code}`, { trend: q.month });
  return answer;
}
