import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { areaDetailSchema, areaPage, areaParams, areasQuery } from '#core/contracts/areas.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { areaDetail, listAreas } from './areas.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { AREAS_TABLE } from '#core/exports/tables/registry-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

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
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return listAreas(ctx, actorOf(request), q);
        const all = await listAreas(ctx, actorOf(request), { ...q, ...ALL_ROWS });
        return sendTable(reply, bindRows(AREAS_TABLE, all.items), q, `areas-${q.within ?? q.parent ?? 'all'}`);
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
      async (request) => areaDetail(ctx, actorOf(request), request.params.code),
    );
  };
