import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../../db/page.ts';
import type { AppContext } from '../app-context.ts';
import { areaCodeSchema, codeSchema, page, pageQuery } from '#core/contracts/common.ts';
import { subtree } from '../areas/subtree.ts';
import { patrolSchema } from '#core/contracts/units.schema.ts';
import { scopeOf, unitsInScope } from '../accounts/scope.ts';

export const patrolsQuery = z
  .object({
    unit: codeSchema.optional(),
    area: areaCodeSchema.optional(),
    kind: z.enum(['full_time', 'volunteer']).optional(),
    ...pageQuery,
  })
  .strict();

export const patrolsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/patrols',
      {
        schema: {
          summary: 'Full-time patrol and volunteer group-defence teams',
          tags: ['units'],
          querystring: patrolsQuery,
          response: { 200: page(patrolSchema) },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { query: f } = request;
        const scope = scopeOf(request);
        let query = ctx.db.kysely
          .selectFrom('patrols as p')
          .innerJoin('units as u', 'u.code', 'p.unit_code')
          .where('p.voided_at', 'is', null);
        if (scope) query = query.where('p.unit_code', 'in', unitsInScope(scope));
        if (f.unit) query = query.where('p.unit_code', '=', f.unit);
        if (f.kind) query = query.where('p.kind', '=', f.kind);
        if (f.area) {
          const area = f.area;
          query = query.where('u.area_code', 'in', () => sql`(${subtree(area)} select code from sub)` as never);
        }
        const { items, total } = await paged(
          query,
          (q) => q.select(['p.code', 'p.name', 'p.unit_code', 'p.kind', 'p.members']).orderBy('p.code'),
          f,
        );
        return {
          items: items.map((p) => ({ ...p, members: Number(p.members) })),
          total,
          limit: f.limit,
          offset: f.offset,
        };
      },
    );
  };
