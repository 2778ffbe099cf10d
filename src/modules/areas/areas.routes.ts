import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { areaDetailSchema, areaPage, areaParams, areasQuery } from './areas.schema.ts';
import { countChildren, findArea, findAreas } from './areas.repository.ts';
import { scopeOf } from '../accounts/scope.ts';

export const areasRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/areas',
      {
        schema: {
          summary: 'Areas: search by name or code, children of a parent, a level, a subtree',
          tags: ['areas'],
          querystring: areasQuery,
          response: { 200: areaPage },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { query } = request;
        return {
          ...(await findAreas(ctx.db.kysely, query, scopeOf(request))),
          limit: query.limit,
          offset: query.offset,
        };
      },
    );
    app.get(
      '/areas/:code',
      {
        schema: {
          summary: 'One area with its path from the top and its number of children',
          tags: ['areas'],
          params: areaParams,
          response: { 200: areaDetailSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { params } = request;
        const area = await findArea(ctx.db.kysely, params.code, scopeOf(request));
        if (!area) throw new AppError('area_not_found', { area: params.code });
        const tree = await ctx.assessment.areaTree();
        const path = [];
        for (let p = area.parent_code; p; p = tree.areas.get(p)?.parent_code ?? null) {
          const a = tree.areas.get(p);
          if (!a) break;
          path.unshift({ code: a.code, name: a.name, level: a.level });
        }
        return { ...area, path, children: await countChildren(ctx.db.kysely, area.code) };
      },
    );
  };
