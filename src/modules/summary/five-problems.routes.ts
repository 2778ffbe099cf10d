import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { today } from '../../shared/clock.ts';
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
          summary:
            'The five problems of an area and its children on a day: people (staffing), premises (coverage), how to work (standardization), assessment (rooms with records in the month), retention (two years or more in post, and turnover)',
          tags: ['summary'],
          querystring: fiveProblemsQuery,
          response: { 200: fiveProblemsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        await ctx.assessment.area(request.query.area);
        // Its figures and its children's: visible where both are, which is the account's own subtree.
        const tree = await ctx.assessment.areaTree();
        assertAggregateVisible(tree, scopeOf(request), request.query.area, 'area');
        assertAggregateVisible(tree, scopeOf(request), request.query.area, 'children');
        return fiveProblemsOf(ctx.db.kysely, ctx.assessment, request.query.area, request.query.date ?? today());
      },
    );
  };
