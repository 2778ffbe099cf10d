/** GET quality?month=&area=: the data-quality report of an area's subtree for a month. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { qualityQuery, qualitySchema } from '#core/contracts/quality.schema.ts';
import { qualityFor } from './quality.service.ts';
import { qualityTable } from '#core/exports/tables/quality-tables.ts';
import { sendTable } from '../exports/export.reply.ts';

export const qualityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/quality',
      {
        schema: {
          summary:
            'Data quality of an area for a month: records placed nowhere, empty surveys, villages without surveys, online surveys apart, implausible data',
          tags: ['quality'],
          querystring: qualityQuery,
          response: { 200: qualitySchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const q = request.query;
        if (q.format === 'json') return qualityFor(ctx, actorOf(request), q);
        const report = await qualityFor(ctx, actorOf(request), { ...q, limit: Number.MAX_SAFE_INTEGER });
        return sendTable(reply, qualityTable(report, q.list), q, `quality-${q.list}-${q.area}-${q.month}`);
      },
    );
  };
