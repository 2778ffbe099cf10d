/** GET patrols: patrol teams by unit, area (subtree) or kind. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { patrolPage, patrolsQuery } from '#core/contracts/units.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listPatrols } from './units.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { PATROLS_TABLE } from '#core/exports/tables/registry-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

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
          response: { 200: patrolPage },
        },
        config: { permission: 'registry:read' },
      },
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return listPatrols(ctx.db, actorOf(request), q);
        const all = await listPatrols(ctx.db, actorOf(request), { ...q, ...ALL_ROWS });
        return sendTable(reply, bindRows(PATROLS_TABLE, all.items), q, `patrols-${q.area ?? q.unit ?? 'all'}`);
      },
    );
  };
