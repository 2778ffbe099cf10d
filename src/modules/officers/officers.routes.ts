import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { officerParams, officerSchema, officersQuery, postingPage } from '#core/contracts/officers.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listOfficers, officerHistory } from './officers.service.ts';

export const officersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        schema: {
          summary: 'Postings of officers by unit, area, role, day or name',
          tags: ['officers'],
          querystring: officersQuery,
          response: { 200: postingPage },
        },
        config: { permission: 'people:read' },
      },
      async (request) => listOfficers(ctx.db, actorOf(request), request.query),
    );
    app.get(
      '/officers/:badge',
      {
        schema: {
          summary: "An officer's posting history",
          tags: ['officers'],
          params: officerParams,
          response: { 200: officerSchema },
        },
        config: { permission: 'people:read' },
      },
      async (request) => officerHistory(ctx.db, actorOf(request), request.params.badge),
    );
  };
