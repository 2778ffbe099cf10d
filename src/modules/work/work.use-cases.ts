/**
 * `GET work`: an officer's own work, the page it lands on. Who it is and where it serves, the
 * villages its unit covers (offered by name on the visit form), this month's figures under the
 * officer scheme with each one's sample and how it is scored, its records of the month, whether
 * its room reports (SPEC §5) and by when, and its latest entries. Only an account tied to a
 * badge has one; the badge is the account's own, never asked for.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { currentMonth, today } from '../../shared/clock.ts';
import type { Actor } from '../accounts/access.ts';
import { OfficerAssessment } from '../assessment/officer-ranking.service.ts';
import { sampledFigures } from '../assessment/domain/index.ts';
import { parseMonth } from '../assessment/month.ts';
import { CompletenessService } from '../completeness/completeness.service.ts';
import { reportingDeadline } from '#core/assessment/completeness.ts';
import { ROOM_TYPES } from '#core/kinds/kind.ts';
import type { Work, workQuery } from '#core/contracts/work.schema.ts';
import { countsOf, coversOf, officerOf, patrolsOf, recentOf, unitOf } from './work.repository.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

/** How many of its latest records the page shows. */
const RECENT = 10;

export async function workFor(ctx: Services, actor: Actor, q: z.infer<typeof workQuery>): Promise<Work> {
  const badge = actor.scope?.badge;
  if (!badge) throw new AppError('work_needs_badge', {});
  const db = ctx.db.kysely;
  const month = q.month ?? currentMonth();
  const officer = await officerOf(db, badge, today());
  if (!officer) throw new AppError('officer_not_found', { badge });
  const unit = actor.scope?.unit ? ((await unitOf(db, actor.scope.unit)) ?? null) : null;

  const scheme = await ctx.assessment.schemeFor('officer', month);
  const result = await new OfficerAssessment(ctx.assessment).result(badge, month);
  const figures = sampledFigures(scheme, result);
  const completeness = new CompletenessService(ctx.assessment);
  const reporting = unit ? ((await completeness.units(month)).get(unit.code) ?? null) : null;
  const { deadline_day } = await completeness.settings();

  return {
    badge,
    name: officer.name,
    role: officer.role,
    month,
    unit,
    covers: unit ? await coversOf(db, unit.code) : [],
    patrols: unit ? await patrolsOf(db, unit.code) : [],
    scheme: {
      version: scheme.version ?? 0,
      composite: result.composite,
      indicators: scheme.indicators.map((d) => ({
        name: d.name,
        weight: d.weight,
        floor: d.floor,
        target: d.target,
        better: d.better,
        ...figures[d.name],
      })),
    },
    counts: await countsOf(db, badge, parseMonth(month)),
    reporting:
      reporting && unit && (ROOM_TYPES as readonly string[]).includes(unit.type)
        ? { ...reporting, deadline: reportingDeadline(month, deadline_day) }
        : null,
    recent: await recentOf(db, badge, RECENT),
  };
}
