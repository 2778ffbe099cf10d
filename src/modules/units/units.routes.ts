import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import { unitDetailQuery, unitDetailSchema, unitPage, unitParams, unitsQuery } from './units.schema.ts';
import { findUnits, unitDetail } from './units.repository.ts';
import { scopeOf } from '../accounts/scope.ts';
import { auditPeopleRead } from '../officers/people-read.ts';

export const unitsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        schema: {
          summary: 'Bureaus, stations and rooms, by type, status, area (subtree) or name',
          tags: ['units'],
          querystring: unitsQuery,
          response: { 200: unitPage },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { query } = request;
        return {
          ...(await findUnits(ctx.db.kysely, query, scopeOf(request))),
          limit: query.limit,
          offset: query.offset,
        };
      },
    );
    app.get(
      '/units/:code',
      {
        schema: {
          summary:
            'A unit on a day: covered areas, officers, equipment against the standard kit, inspections, patrol teams',
          tags: ['units'],
          params: unitParams,
          querystring: unitDetailQuery,
          response: { 200: unitDetailSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { params, query } = request;
        const unit = await unitDetail(ctx.db.kysely, params.code, query.date ?? today(), scopeOf(request));
        if (!unit) throw new AppError('unit_not_found', { unit: params.code });
        // The detail names the officers posted there: a read of people, audited.
        await auditPeopleRead(ctx.db, request, `unit ${unit.code}`, {
          date: unit.date,
          badges: unit.officers.map((o) => o.badge),
        });
        return unit;
      },
    );
  };
