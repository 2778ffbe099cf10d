/** The overview of an area on a day (SPEC §4): its figures, where the actor sees them. */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { today } from '../../shared/clock.ts';
import type { Overview, overviewQuery } from '#core/contracts/overview.schema.ts';
import { requireAccess, type Actor } from '../accounts/access.ts';
import { overviewOf } from './overview.repository.ts';

/** Open units, posted officers, patrol teams and origins of the subtree on `date` (default today). */
export async function overviewFor(
  ctx: Pick<AppContext, 'db' | 'areas'>,
  actor: Actor,
  q: z.infer<typeof overviewQuery>,
): Promise<Overview> {
  await requireAccess(ctx.areas, actor.scope, 'area.figures', q.area);
  await ctx.areas.area(q.area);
  return overviewOf(ctx.db.kysely, q.area, q.date ?? today());
}
