import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { overviewQuery, overviewSchema } from '#core/contracts/overview.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { overviewFor } from './overview.service.ts';

export const overviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/overview',
      {
        schema: {
          summary: 'The figures a provincial summary opens with, for an area on a day',
          tags: ['overview'],
          querystring: overviewQuery,
          response: { 200: overviewSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => overviewFor(ctx, actorOf(request), request.query),
    );
  };
