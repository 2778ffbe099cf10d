/** GET funds: construction funds allocated to and paid out in an area (subtree), in yuan. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { fundsQuery, fundsSchema } from '#core/contracts/funds.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listFunds } from './funds.service.ts';

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
      async (request) => listFunds(ctx.db, actorOf(request), request.query),
    );
  };
