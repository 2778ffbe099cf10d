import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPeopleRead } from '../officers/people-read.ts';
import type { AppContext } from '../app-context.ts';
import {
  explainQuery,
  explainRecordsQuery,
  explainRecordsSchema,
  explainSchema,
  indicatorsQuery,
  indicatorsSchema,
  previewBody,
  previewQuery,
  previewSchema,
  rankingsQuery,
  rankingsSchema,
} from '#core/contracts/assessment.schema.ts';
import { editedScheme } from './scheme-edit.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { explainRecords } from './explain-records.service.ts';
import { assertRecordsVisible } from './records-scope.ts';
import { OfficerAssessment } from './officer-ranking.service.ts';

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const officers = new OfficerAssessment(ctx.assessment);
    app.get(
      '/indicators',
      {
        schema: {
          summary: "An area's indicators, scores and composite for a month",
          tags: ['assessment'],
          querystring: indicatorsQuery,
          response: { 200: indicatorsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.areas.tree(), scopeOf(request), query.area, 'area');
        return ctx.assessment.indicators(query.area, query.month, query.scheme);
      },
    );
    app.get(
      '/rankings',
      {
        schema: {
          summary: "The ranking of an area's children for a month, with change against the month before",
          tags: ['assessment'],
          querystring: rankingsQuery,
          response: { 200: rankingsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.areas.tree(), scopeOf(request), query.within, 'children');
        return ctx.assessment.rankings(query.within, query.month, query.scheme);
      },
    );
    app.get(
      '/explain',
      {
        schema: {
          summary: 'How one figure is made: the own part and each child’s numerator and denominator',
          tags: ['assessment'],
          querystring: explainQuery,
          response: { 200: explainSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.areas.tree(), scopeOf(request), query.area, 'children');
        return ctx.assessment.explain(query.area, query.month, query.scheme, query.indicator);
      },
    );
    app.get(
      '/explain/records',
      {
        schema: {
          summary: 'The records behind what is placed at an area itself (all of a village’s figure), a page at a time',
          tags: ['assessment'],
          querystring: explainRecordsQuery,
          response: { 200: explainRecordsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertRecordsVisible(await ctx.areas.tree(), scopeOf(request), query.area);
        return explainRecords(ctx.assessment, query);
      },
    );
    app.post(
      '/rankings/preview',
      {
        schema: {
          summary:
            'The ranking as it would be under an edited scheme, without saving anything: of the children (an area scheme) or of the front-line officers (the officer scheme)',
          tags: ['assessment'],
          querystring: previewQuery,
          body: previewBody,
          response: { 200: previewSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query, body } = request;
        assertAggregateVisible(await ctx.areas.tree(), scopeOf(request), query.within, 'children');
        const { scheme, indicators } = body;
        if (scheme === 'officer') {
          const rows = await officers.rankings(
            query.within,
            query.month,
            editedScheme(await ctx.assessment.schemeFor(scheme, query.month), indicators),
          );
          await auditPeopleRead(ctx.db, request, 'officer rankings (preview)', {
            ...query,
            badges: rows.map((r) => r.code),
          });
          return rows;
        }
        const edited = editedScheme(await ctx.assessment.schemeFor(scheme, query.month), indicators);
        return ctx.assessment.rankings(query.within, query.month, scheme, edited);
      },
    );
  };
