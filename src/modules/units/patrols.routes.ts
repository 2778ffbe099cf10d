/** GET patrols: patrol teams by unit, area (subtree) or kind. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { patrolPage, patrolsQuery } from '#core/contracts/units.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { listPatrols } from './units.service.ts';

export const patrolsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/patrols',
      {
        schema: {
          summary: 'Full-time patrol and volunteer group-defence teams',
          tags: ['units'],
          querystring: patrolsQuery,
          response: { 200: patrolPage },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => listPatrols(ctx.db, actorOf(request), request.query),
    );
  };
