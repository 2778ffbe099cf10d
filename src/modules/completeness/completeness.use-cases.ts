/**
 * Completeness as the API and the CLI ask for it: access first (accounts/access.ts), then the
 * figures. Rates of areas are aggregate figures (visible where the area's figures are); the
 * rooms themselves are registry rows (visible inside the account's subtree, an officer's own
 * room only).
 */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { homeAreas } from '../areas/home-areas.ts';
import { CompletenessService } from './completeness.service.ts';
import type {
  completenessAreaQuery,
  completenessQuery,
  completenessRoomsQuery,
  CompletenessRooms,
} from '#core/contracts/completeness.schema.ts';

type Services = Pick<AppContext, 'areas' | 'assessment'>;

/** SPEC §5 `GET completeness`: within's children. */
export async function completenessFor(ctx: Services, actor: Actor, q: z.infer<typeof completenessQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.ranking', q.within);
  return new CompletenessService(ctx.assessment).children(q.within, q.month);
}

/** One area's completeness, threshold and deadline. */
export async function completenessOfAreaFor(ctx: Services, actor: Actor, q: z.infer<typeof completenessAreaQuery>) {
  await requireAccess(ctx.areas, actor.scope, 'area.figures', q.area);
  return new CompletenessService(ctx.assessment).area(q.area, q.month);
}

/** The open rooms of an area, reporting or not, a page at a time. */
export async function completenessRoomsFor(
  ctx: Services,
  actor: Actor,
  q: z.infer<typeof completenessRoomsQuery>,
): Promise<CompletenessRooms> {
  await requireAccess(ctx.areas, actor.scope, 'area.records', q.area);
  const own = actor.scope?.unit;
  const rooms = await new CompletenessService(ctx.assessment).rooms(
    q.area,
    q.month,
    q.reporting,
    own ? (unit) => unit === own : null,
  );
  return {
    area: q.area,
    month: q.month,
    items: rooms.slice(q.offset, q.offset + q.limit),
    total: rooms.length,
    limit: q.limit,
    offset: q.offset,
  };
}

/** The areas the actor sees first and the month its pages open on (SPEC §5 `default_month`). */
export async function landingFor(ctx: Services, actor: Actor) {
  const home = homeAreas(await ctx.areas.tree(), actor.scope);
  const service = new CompletenessService(ctx.assessment);
  return {
    home_areas: home.map(({ code, name, level }) => ({ code, name, level })),
    default_month: await service.defaultMonth(home.map((a) => a.code)),
    completeness: await service.settings(),
  };
}
