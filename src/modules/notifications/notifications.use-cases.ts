/**
 * The monthly notification as an actor asks for it: a notice ranks an area's children, so it is
 * read where that ranking is visible; issuing is for the area's own jurisdiction or above.
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import type { archiveQuery, issueBody, previewQuery } from '#core/contracts/notifications.schema.ts';
import { hasAccess, requireAccess, type Actor } from '../accounts/access.ts';
import { isWithin } from '../supervision/leaders.repository.ts';
import { defaultDate, NotificationsService } from './notifications.service.ts';
import { issuedFigures } from './notification-figures.repository.ts';
import { areaSchemeName } from '../assessment/assessment.service.ts';
import { compareRankings } from '#core/assessment/ranking-compare.ts';
import type { NotificationRevisionView } from '#core/contracts/periods.schema.ts';

type Services = Pick<AppContext, 'db' | 'areas' | 'assessment'>;

const service = (ctx: Services) => new NotificationsService(ctx.db, ctx.assessment);

/** A draft of the month's notification of an area's children (never stored). */
export async function draftFor(ctx: Services, actor: Actor, q: z.infer<typeof previewQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
  await ctx.areas.area(q.area);
  return service(ctx).draft({ area: q.area, month: q.month, lang: q.lang, date: q.date ?? defaultDate(q.month) });
}

/** The archive: issued notices, of one area when asked, leaving out those the actor may not read. */
export async function noticesFor(ctx: Services, actor: Actor, q: z.infer<typeof archiveQuery>) {
  if (q.area) {
    await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.area);
    await ctx.areas.area(q.area);
  }
  const entries = await service(ctx).list(q);
  const tree = await ctx.areas.tree();
  return entries.filter((e) => hasAccess(tree, actor.scope, 'area.ranking', e.area_code));
}

/** One issued notice as archived; one the actor may not read answers as one never issued. */
export async function noticeFor(ctx: Services, actor: Actor, id: number) {
  const notice = await service(ctx).get(id);
  if (!hasAccess(await ctx.areas.tree(), actor.scope, 'area.ranking', notice.entry.area_code))
    throw new AppError('notification_not_found', { id });
  return notice;
}

/** Issues (or corrects) the notice of an area's children: an account issues within its own jurisdiction. */
export async function issueFor(ctx: Services, actor: Actor, b: z.infer<typeof issueBody>) {
  const scope = actor.scope;
  // Scope first: an area that does not exist is refused as one outside, so the refusal tells nothing.
  if (scope && !(await isWithin(ctx.db.kysely, scope.area, b.area)))
    throw new AppError('notification_outside_scope', { area: b.area, scope: scope.area });
  await ctx.areas.area(b.area);
  return service(ctx).issue(actor.who, { ...b, date: b.date ?? defaultDate(b.month) });
}

/**
 * An issued notice's rankings against those of now (issue 18): each ranked area with its place
 * as issued and as it stands, and whether its period was locked when the notice went out. After
 * an unlock, a correction and a new lock the notice shows itself "revised since issued".
 */
export async function noticeRevisionFor(ctx: Services, actor: Actor, id: number): Promise<NotificationRevisionView> {
  const { entry } = await noticeFor(ctx, actor, id);
  const kept = await issuedFigures(ctx.db.kysely, id);
  const head = { id, number: entry.number, area: entry.area_code, month: entry.month };
  if (!kept) return { ...head, locked_at_issue: [], recorded: false, revised: false, rows: [] };
  const rows: NotificationRevisionView['rows'] = [];
  for (const [scheme, issued] of Object.entries(kept.rankings)) {
    const now = await ctx.assessment.rankings(entry.area_code, entry.month, scheme);
    for (const r of compareRankings(issued, now))
      rows.push({
        scheme: areaSchemeName(scheme),
        code: r.code,
        name: r.name,
        locked_at_issue: kept.locked.includes(r.code),
        issued: r.first,
        now: r.second,
        changed: r.changed,
      });
  }
  return { ...head, locked_at_issue: kept.locked, recorded: true, revised: rows.some((r) => r.changed), rows };
}
