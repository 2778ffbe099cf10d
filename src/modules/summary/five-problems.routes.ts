import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { fiveProblemsQuery, fiveProblemsSchema } from '#core/contracts/five-problems.schema.ts';
import { fiveProblemsFor } from './five-problems.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { FIVE_PROBLEMS_TABLE, fiveProblemsRows } from '#core/exports/tables/supervision-tables.ts';
import { answerAs } from '../exports/export.reply.ts';

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
      async (request, reply) => {
        const q = request.query;
        const view = await fiveProblemsFor(ctx, actorOf(request), q);
        return answerAs(
          reply,
          q,
          view,
          () => bindRows(FIVE_PROBLEMS_TABLE, fiveProblemsRows(view)),
          `five-problems-${q.area}-${view.date}`,
        );
      },
    );
  };
