import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { today } from '../../shared/schemas.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { fiveProblemsQuery, fiveProblemsSchema } from './five-problems.schema.ts';
import { fiveProblemsOf } from './five-problems.service.ts';

export const fiveProblemsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/five-problems',
      {
        schema: {
          summary: 'The five problems of an area and its children on a day: people (staffing), premises (coverage), how to work (standardization), assessment (rooms with records in the month), retention (two years or more in post, and turnover)',
          tags: ['summary'],
          querystring: fiveProblemsQuery,
          response: { 200: fiveProblemsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        await ctx.assessment.area(request.query.area);
        assertAggregateVisible(await ctx.assessment.areaTree(), scopeOf(request), request.query.area, 'area');
        return fiveProblemsOf(ctx.db.kysely, ctx.assessment, request.query.area, request.query.date ?? today());
      },
    );
  };
