import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { searchQuery, searchSchema } from '#core/contracts/search.schema.ts';
import { searchFor } from './search.service.ts';

/** GET search: the header's search box. */
export const searchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          summary:
            'Officers by name or badge and rooms by name or code, within your jurisdiction (a read of people, audited)',
          tags: ['search'],
          querystring: searchQuery,
          response: { 200: searchSchema },
        },
        config: { permission: 'people:read' },
      },
      async (request) => searchFor(ctx, actorOf(request), request.query),
    );
  };
