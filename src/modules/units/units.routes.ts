import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/schemas.ts';
import { unitDetailQuery, unitDetailSchema, unitPage, unitParams, unitsQuery } from './units.schema.ts';
import { findUnits, unitDetail } from './units.repository.ts';

export const unitsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        schema: { summary: 'Bureaus, stations and rooms, by type, status, area (subtree) or name', tags: ['units'], querystring: unitsQuery, response: { 200: unitPage } },
        config: { permission: 'registry:read' },
      },
      async ({ query }) => ({ ...(await findUnits(ctx.db.kysely, query)), limit: query.limit, offset: query.offset }),
    );
    app.get(
      '/units/:code',
      {
        schema: {
          summary: 'A unit on a day: covered areas, officers, equipment against the standard kit, inspections, patrol teams',
          tags: ['units'],
          params: unitParams,
          querystring: unitDetailQuery,
          response: { 200: unitDetailSchema },
        },
        config: { permission: 'registry:read' },
      },
      async ({ params, query }) => {
        const unit = await unitDetail(ctx.db.kysely, params.code, query.date ?? today());
        if (!unit) throw new AppError('not_found', `no unit ${params.code} exists`);
        return unit;
      },
    );
  };
