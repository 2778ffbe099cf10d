import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { officerParams, officerSchema, officersQuery, postingPage } from './officers.schema.ts';
import { findPostings, postingHistory } from './officers.repository.ts';
import { scopeOf } from '../accounts/scope.ts';
import { auditPeopleRead } from './people-read.ts';

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
      async (request) => {
        const { query } = request;
        const result = await findPostings(ctx.db.kysely, query, scopeOf(request));
        const { limit, offset, ...filter } = query;
        await auditPeopleRead(ctx.db, request, 'officers', {
          filter,
          limit,
          offset,
          badges: result.items.map((p) => p.badge),
        });
        return { ...result, limit, offset };
      },
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
      async (request) => {
        const { params } = request;
        const list = await postingHistory(ctx.db.kysely, params.badge, scopeOf(request));
        if (list.length === 0) throw new AppError('officer_not_found', { badge: params.badge });
        await auditPeopleRead(ctx.db, request, `officer ${params.badge}`, {});
        return { badge: params.badge, name: list[list.length - 1].name, postings: list };
      },
    );
  };
