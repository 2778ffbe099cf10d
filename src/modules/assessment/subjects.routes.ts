/**
 * Rankings of rooms, stations and front-line officers within an area, twelve-month trends, and
 * the informational figures of an area or unit.
 */
import { auditPeopleRead } from '../officers/people-read.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError } from '../../shared/errors.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { informationalView } from './informational.service.ts';
import { OfficerAssessment } from './officer-ranking.service.ts';
import { UnitAssessment } from './unit-ranking.service.ts';
import { trend } from './trend.service.ts';
import {
  informationalQuery,
  informationalSchema,
  officerRankingsQuery,
  officerRankingsSchema,
  trendQuery,
  trendSchema,
  unitRankingsQuery,
  unitRankingsSchema,
} from './subjects.schema.ts';

export const subjectsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const units = new UnitAssessment(ctx.assessment);
    const officers = new OfficerAssessment(ctx.assessment);
    app.get(
      '/rankings/units',
      {
        schema: {
          summary:
            'The rooms or stations of an area ranked by the records placed at them (performance scheme), with change',
          tags: ['assessment'],
          querystring: unitRankingsQuery,
          response: { 200: unitRankingsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.assessment.areaTree(), scopeOf(request), query.within, 'children');
        return units.rankings(query.within, query.month, query.type, query.scheme);
      },
    );
    app.get(
      '/rankings/officers',
      {
        schema: {
          summary: 'The front-line officers of an area ranked under the officer scheme, with change',
          tags: ['assessment'],
          querystring: officerRankingsQuery,
          response: { 200: officerRankingsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.assessment.areaTree(), scopeOf(request), query.within, 'children');
        const rows = await officers.rankings(query.within, query.month);
        await auditPeopleRead(ctx.db, request, 'officer rankings', {
          ...query,
          badges: rows.map((r) => r.code),
        });
        return rows;
      },
    );
    app.get(
      '/informational',
      {
        schema: {
          summary:
            'Figures shown beside the performance scheme, never scored: visits per front-line officer, households visited in twelve months, adopted reports',
          tags: ['assessment'],
          querystring: informationalQuery,
          response: { 200: informationalSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => informationalView(ctx.assessment, units, request.query, scopeOf(request)),
    );
    app.get(
      '/trend',
      {
        schema: {
          summary: 'Twelve months of composite and indicator values of an area, a unit or an officer',
          tags: ['assessment'],
          querystring: trendQuery,
          response: { 200: trendSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        const scope = scopeOf(request);
        if (scope) {
          const tree = await ctx.assessment.areaTree();
          const area =
            query.kind === 'area'
              ? query.code
              : query.kind === 'unit'
                ? (await units.unit(query.code)).area_code
                : (await officers.officer(query.code, query.month)).area_code;
          if (area === null) throw new AppError('officer_not_front_line', { badge: query.code, month: query.month });
          assertAggregateVisible(tree, scope, area, 'area');
        }
        const answer = await trend(ctx.assessment, query);
        if (query.kind === 'officer')
          await auditPeopleRead(ctx.db, request, `officer ${query.code}`, { trend: query.month });
        return answer;
      },
    );
  };
