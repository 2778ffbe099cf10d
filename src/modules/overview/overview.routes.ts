import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { today } from '../../shared/clock.ts';
import { overviewQuery, overviewSchema } from './overview.schema.ts';
import { overviewOf } from './overview.repository.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';

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
      async (request) => {
        await ctx.assessment.area(request.query.area);
        assertAggregateVisible(await ctx.assessment.areaTree(), scopeOf(request), request.query.area, 'area');
        return overviewOf(ctx.db.kysely, request.query.area, request.query.date ?? today());
      },
    );
  };
