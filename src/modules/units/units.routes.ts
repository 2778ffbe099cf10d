import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { unitDetailQuery, unitDetailSchema, unitPage, unitParams, unitsQuery } from '#core/contracts/units.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listUnits, unitOn } from './units.service.ts';

export const unitsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        schema: {
          summary: 'Bureaus, stations and rooms, by type, status, area (subtree) or name',
          tags: ['units'],
          querystring: unitsQuery,
          response: { 200: unitPage },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => listUnits(ctx.db, actorOf(request), request.query),
    );
    app.get(
      '/units/:code',
      {
        schema: {
          summary:
            'A unit on a day: covered areas, officers, equipment against the standard kit, inspections, patrol teams',
          tags: ['units'],
          params: unitParams,
          querystring: unitDetailQuery,
          response: { 200: unitDetailSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => unitOn(ctx.db, actorOf(request), request.params.code, request.query),
    );
  };
