/** GET quality?month=&area=: the data-quality report of an area's subtree for a month. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { qualityQuery, qualitySchema } from '#core/contracts/quality.schema.ts';
import { qualityFor } from './quality.service.ts';

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
      async (request) => qualityFor(ctx, actorOf(request), request.query),
    );
  };
