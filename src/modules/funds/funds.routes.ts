/** GET funds: construction funds allocated to and paid out in an area (subtree), in yuan. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { fundsQuery, fundsSchema } from '#core/contracts/funds.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listFunds } from './funds.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { FUNDS_TABLE } from '#core/exports/tables/registry-tables.ts';
import { ALL_ROWS, sendTable } from '../exports/export.reply.ts';

export const fundsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/funds',
      {
        schema: {
          summary: 'Construction funds allocated to and paid out in an area (subtree), in yuan',
          tags: ['funds'],
          querystring: fundsQuery,
          response: { 200: fundsSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return listFunds(ctx.db, actorOf(request), q);
        const all = await listFunds(ctx.db, actorOf(request), { ...q, ...ALL_ROWS });
        return sendTable(reply, bindRows(FUNDS_TABLE, all.items), q, `funds-${q.area}`);
      },
    );
  };
