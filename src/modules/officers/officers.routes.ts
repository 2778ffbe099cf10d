import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { officerParams, officerSchema, officersQuery, postingPage } from './officers.schema.ts';
import { findPostings, postingHistory } from './officers.repository.ts';

export const officersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/officers',
      {
        schema: { summary: 'Postings of officers by unit, area, role, day or name', tags: ['officers'], querystring: officersQuery, response: { 200: postingPage } },
        config: { permission: 'people:read' },
      },
      async ({ query }) => ({ ...(await findPostings(ctx.db.kysely, query)), limit: query.limit, offset: query.offset }),
    );
    app.get(
      '/officers/:badge',
      {
        schema: { summary: "An officer's posting history", tags: ['officers'], params: officerParams, response: { 200: officerSchema } },
        config: { permission: 'people:read' },
      },
      async ({ params }) => {
        const list = await postingHistory(ctx.db.kysely, params.badge);
        if (list.length === 0) throw new AppError('not_found', `no officer with badge ${params.badge} exists`);
        return { badge: params.badge, name: list[list.length - 1].name, postings: list };
      },
    );
  };
