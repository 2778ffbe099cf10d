import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { indicatorsQuery, indicatorsSchema, rankingsQuery, rankingsSchema } from './assessment.schema.ts';

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/indicators',
      {
        schema: { summary: "An area's indicators, scores and composite for a month", tags: ['assessment'], querystring: indicatorsQuery, response: { 200: indicatorsSchema } },
        config: { permission: 'aggregate:read' },
      },
      async ({ query }) => ctx.assessment.indicators(query.area, query.month, query.scheme),
    );
    app.get(
      '/rankings',
      {
        schema: { summary: "The ranking of an area's children for a month, with change against the month before", tags: ['assessment'], querystring: rankingsQuery, response: { 200: rankingsSchema } },
        config: { permission: 'aggregate:read' },
      },
      async ({ query }) => ctx.assessment.rankings(query.within, query.month, query.scheme),
    );
  };
