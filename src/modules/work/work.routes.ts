import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { workQuery, workSchema } from '#core/contracts/work.schema.ts';
import { workFor } from './work.use-cases.ts';

/** `GET work`: the signed-in officer's own work (its badge is the account's). */
export const workRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/work',
      {
        schema: {
          summary:
            "The signed-in officer's own work in a month (the current one by default): its unit and the villages it covers, its figures under the officer scheme with their samples and how they are scored, its records, whether its room reports and by when, its latest entries",
          tags: ['records'],
          querystring: workQuery,
          response: { 200: workSchema },
        },
        config: { permission: 'records:write' },
      },
      async (request) => workFor(ctx, actorOf(request), request.query),
    );
  };
