import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { areaDetailSchema, areaPage, areaParams, areasQuery } from '#core/contracts/areas.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { areaDetail, listAreas } from './areas.service.ts';

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
      async (request) => listAreas(ctx, actorOf(request), request.query),
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
