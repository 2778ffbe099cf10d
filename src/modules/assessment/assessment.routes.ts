import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import { actorOf } from '../accounts/access.ts';
import { explainFor, explainRecordsFor, indicatorsFor, previewFor, rankingsFor } from './assessment.use-cases.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { EXPLAIN_TABLE, RANKINGS_TABLE, explainRows } from '#core/exports/tables/assessment-tables.ts';
import { answerAs } from '../exports/export.reply.ts';

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
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
      async (request) => indicatorsFor(ctx, actorOf(request), request.query),
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
      async (request, reply) => {
        const q = request.query;
        const rows = await rankingsFor(ctx, actorOf(request), q);
        return answerAs(
          reply,
          q,
          rows,
          () => bindRows(RANKINGS_TABLE, rows),
          `rankings-${q.within}-${q.month}-${q.scheme}`,
        );
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
      async (request, reply) => {
        const q = request.query;
        const figure = await explainFor(ctx, actorOf(request), q);
        const own = q.lang === 'zh' ? '（本级）' : '(at the area itself)';
        return answerAs(
          reply,
          q,
          figure,
          () => bindRows(EXPLAIN_TABLE, explainRows(figure, own)),
          `explain-${q.area}-${q.month}-${q.indicator}`,
        );
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
        config: { permission: 'people:read' },
      },
      async (request) => explainRecordsFor(ctx, actorOf(request), request.query),
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
      async (request) => previewFor(ctx, actorOf(request), request.query, request.body),
    );
  };
