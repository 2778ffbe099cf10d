import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { officerParams, officerSchema, officersQuery, postingPage } from '#core/contracts/officers.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listOfficers, officerHistory } from './officers.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { OFFICERS_TABLE } from '#core/exports/tables/registry-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

export const officersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        schema: {
          summary: 'Postings of officers by unit, area, role, day or name',
          tags: ['officers'],
          querystring: officersQuery,
          response: { 200: postingPage },
        },
        config: { permission: 'people:read' },
      },
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return listOfficers(ctx.db, actorOf(request), q);
        const all = await listOfficers(ctx.db, actorOf(request), { ...q, ...ALL_ROWS });
        return sendTable(reply, bindRows(OFFICERS_TABLE, all.items), q, `officers-${q.area ?? q.unit ?? 'all'}`);
      },
    );
    app.get(
      '/officers/:badge',
      {
        schema: {
          summary: "An officer's posting history",
          tags: ['officers'],
          params: officerParams,
          response: { 200: officerSchema },
        },
        config: { permission: 'people:read' },
      },
      async (request) => officerHistory(ctx.db, actorOf(request), request.params.badge),
    );
  };
