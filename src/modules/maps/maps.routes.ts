/**
 * The map's routes: the shapes of an area's children (GET boundaries, SPEC §5), the figures a
 * choropleth colours them by (every indicator, the composite and the rank of each child), and
 * the rooms of the subtree with their points.
 */
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { today } from '../../shared/clock.ts';
import { scopeOf } from '../accounts/scope.ts';
import { actorOf, requireAccess } from '../accounts/access.ts';
import { BoundaryAnswers, matchesEtag, type EncodedAnswer } from './boundaries.service.ts';
import { figuresFor } from './figures.service.ts';
import { roomsWithin } from './rooms.repository.ts';
import {
  boundariesQuery,
  boundariesSchema,
  figuresQuery,
  figuresSchema,
  roomsQuery,
  roomsSchema,
} from '#core/contracts/maps.schema.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { figuresTable } from '#core/exports/tables/assessment-tables.ts';
import { answerAs } from '../exports/export.reply.ts';

export const mapsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const answers = new BoundaryAnswers();
    app.get(
      '/boundaries',
      {
        schema: {
          summary:
            "The shapes of an area's children as GeoJSON (one Feature per child with a shape, the others in missing); ETag, gzip",
          tags: ['maps'],
          querystring: boundariesQuery,
          response: {
            200: boundariesSchema,
            304: z.null().describe('Not modified: the If-None-Match names the current ETag'),
          },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const { within } = request.query;
        await requireAccess(ctx.areas, scopeOf(request), 'area.ranking', within);
        const tree = await ctx.areas.tree();
        if (!tree.areas.has(within)) throw new AppError('area_not_found', { area: within });
        return sendAnswer(reply, answers.answer(tree, within), request.headers);
      },
    );
    app.get(
      '/map/figures',
      {
        schema: {
          summary:
            "What a choropleth colours an area's children by: each child's rank, composite, lagging, problems and every indicator of the scheme",
          tags: ['maps'],
          querystring: figuresQuery,
          response: { 200: figuresSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const q = request.query;
        const rows = await figuresFor(ctx, actorOf(request), q);
        const names = Object.keys(rows[0]?.indicators ?? {});
        return answerAs(
          reply,
          q,
          rows,
          () => bindRows(figuresTable(names), rows),
          `map-${q.within}-${q.month}-${q.scheme}`,
        );
      },
    );
    app.get(
      '/map/rooms',
      {
        schema: {
          summary: "The rooms of an area's subtree with their status, whether open on a day, and their points",
          tags: ['maps'],
          querystring: roomsQuery,
          response: { 200: roomsSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { within, date = today() } = request.query;
        const items = await roomsWithin(ctx.db.kysely, within, date, scopeOf(request));
        return { date, total: items.length, items };
      },
    );
  };

/** The encoded answer, or 304 when the client holds it already; private, revalidated each time. */
function sendAnswer(reply: FastifyReply, answer: EncodedAnswer, headers: FastifyRequest['headers']) {
  // Private: what an account may see differs by account.
  reply.header('Cache-Control', 'private, no-cache').header('ETag', answer.etag).header('Vary', 'Accept-Encoding');
  if (matchesEtag(headers['if-none-match'], answer.etag)) return reply.status(304).send();
  reply.type('application/geo+json; charset=utf-8');
  if (/\bgzip\b/.test(headers['accept-encoding'] ?? ''))
    return reply.header('Content-Encoding', 'gzip').send(answer.gzip());
  return reply.send(answer.body);
}
