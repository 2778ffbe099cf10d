/**
 * Rankings of rooms, stations and front-line officers within an area, twelve-month trends, and
 * the informational figures of an area or unit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { informationalFor } from './informational.service.ts';
import { officerRankingsFor, trendFor, unitRankingsFor } from './subjects.use-cases.ts';
import {
  informationalQuery,
  informationalSchema,
  officerRankingsQuery,
  officerRankingsSchema,
  trendQuery,
  trendSchema,
  unitRankingsQuery,
  unitRankingsSchema,
} from '#core/contracts/subjects.schema.ts';
import { INFORMATIONAL } from '#core/assessment/informational.ts';
import { bindRows } from '#core/exports/export-table.ts';
import {
  OFFICER_RANKINGS_TABLE,
  UNIT_RANKINGS_TABLE,
  informationalRows,
  informationalTable,
  trendTable,
} from '#core/exports/tables/assessment-tables.ts';
import { answerAs } from '../exports/export.reply.ts';

export const subjectsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
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
      async (request, reply) => {
        const q = request.query;
        const rows = await unitRankingsFor(ctx, actorOf(request), q);
        return answerAs(
          reply,
          q,
          rows,
          () => bindRows(UNIT_RANKINGS_TABLE, rows),
          `${q.type}-rankings-${q.within}-${q.month}`,
        );
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
      async (request, reply) => {
        const q = request.query;
        const rows = await officerRankingsFor(ctx, actorOf(request), q);
        return answerAs(
          reply,
          q,
          rows,
          () => bindRows(OFFICER_RANKINGS_TABLE, rows),
          `officer-rankings-${q.within}-${q.month}`,
        );
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
      async (request, reply) => {
        const q = request.query;
        const view = await informationalFor(ctx, actorOf(request), q);
        return answerAs(
          reply,
          q,
          view,
          () => bindRows(informationalTable(INFORMATIONAL), informationalRows(view)),
          `informational-${q.code}-${q.month}`,
        );
      },
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
      async (request, reply) => {
        const q = request.query;
        const view = await trendFor(ctx, actorOf(request), q);
        const names = [...new Set(view.points.flatMap((p) => Object.keys(p.indicators)))];
        return answerAs(
          reply,
          q,
          view,
          () => bindRows(trendTable(names), view.points),
          `trend-${q.kind}-${q.code}-${q.month}`,
        );
      },
    );
  };
