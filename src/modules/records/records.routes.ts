/**
 * POST records/{kind}: rows of a §2 kind as JSON, through the same validation, keys and merge as
 * an import, all or nothing; what it writes counts in every figure once the response is sent.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { recordsBody, recordsParams, recordsQuery, recordsResponse } from '#core/contracts/records.schema.ts';
import { actorOf } from '../accounts/access.ts';
import { writeRecords } from './records.service.ts';

export const recordsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/records/:kind',
      {
        schema: {
          summary: 'Add or replace rows of one kind, validated as an import (all or nothing)',
          tags: ['records'],
          params: recordsParams,
          querystring: recordsQuery,
          body: recordsBody,
          response: { 201: recordsResponse, 200: recordsResponse },
        },
        config: { permission: 'records:write' },
      },
      async (request, reply) => {
        const dryRun = request.query.dry_run === 'true';
        const written = await writeRecords(ctx.db, actorOf(request), request.params.kind, request.body, dryRun);
        return reply.status(dryRun ? 200 : 201).send({ written });
      },
    );
  };
