/** The area registry's reads, within the actor's scope (outside it an area does not exist). */
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import type { areasQuery } from '#core/contracts/areas.schema.ts';
import type { Actor } from '../accounts/access.ts';
import { ancestorsOf } from './area-tree.ts';
import { countChildren, findArea, findAreas } from './areas.repository.ts';

type Services = Pick<AppContext, 'db' | 'areas'>;

/** Areas by name or code, children of a parent, a level, a subtree: one page. */
export async function listAreas(ctx: Services, actor: Actor, query: z.infer<typeof areasQuery>) {
  return { ...(await findAreas(ctx.db.kysely, query, actor.scope)), limit: query.limit, offset: query.offset };
}

/** One area with its path from the top and its number of children. */
export async function areaDetail(ctx: Services, actor: Actor, code: string) {
  const area = await findArea(ctx.db.kysely, code, actor.scope);
  if (!area) throw new AppError('area_not_found', { area: code });
  const path = ancestorsOf(await ctx.areas.tree(), area.code).map(({ code, name, level }) => ({ code, name, level }));
  return { ...area, path, children: await countChildren(ctx.db.kysely, area.code) };
}
