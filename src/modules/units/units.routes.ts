import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { unitDetailQuery, unitDetailSchema, unitPage, unitParams, unitsQuery } from '#core/contracts/units.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listUnits, unitOn } from './units.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { UNITS_TABLE } from '#core/exports/tables/registry-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

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
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return listUnits(ctx.db, actorOf(request), q);
        const all = await listUnits(ctx.db, actorOf(request), { ...q, ...ALL_ROWS });
        return sendTable(reply, bindRows(UNITS_TABLE, all.items), q, `units-${q.area ?? 'all'}`);
      },
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
