/**
 * POST records/{kind}: rows of a §2 kind as JSON, through the same validation, keys and merge as
 * an import, all or nothing; what it writes counts in every figure once the response is sent.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.ts';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import { importInTransaction, importSources } from '../imports/import.service.ts';
import { sourceFromObjects } from '../imports/sources.ts';
import { KIND_NAMES, kindByName } from '../imports/kinds/index.ts';
import { scopeOf } from '../accounts/scope.ts';
import { appendAudit, audit } from '../audit/audit.repository.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { assertRowsInScope } from './records.scope.ts';

const cell = z.union([z.string().max(4000), z.number(), z.null()]);
export const recordsBody = z.array(z.record(z.string(), cell)).min(1).max(10_000);
export const recordsParams = z.object({ kind: z.enum(KIND_NAMES as [string, ...string[]]) }).strict();
export const recordsQuery = z.object({ dry_run: z.enum(['true', 'false']).optional() }).strict();
export const recordsResponse = z.object({ written: z.number() });

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
        const kind = kindByName(request.params.kind)!;
        const rows = request.body;
        const known = new Set(kind.columns.map((c) => c.name));
        const unknown: RowError[] = [];
        rows.forEach((row, i) => {
          for (const key of Object.keys(row))
            if (!known.has(key))
              unknown.push(
                rowError(kind.kind, i + 1, key, coded('unknown_column', { kind: kind.kind, columns: [...known] })),
              );
        });
        if (unknown.length > 0)
          throw new AppError('import_rejected', { count: unknown.length, listed: unknown.length }, unknown);
        const present = kind.columns.filter((c) => !c.optional || rows.some((r) => c.name in r)).map((c) => c.name);
        const sources = [sourceFromObjects(kind.kind, kind, rows, present)];
        const options = { actor: request.actor ?? 'api', source: 'api', dryRun: request.query.dry_run === 'true' };
        const scope = scopeOf(request);
        const who = requestActor(request);
        try {
          if (options.dryRun) {
            if (scope) await assertRowsInScope(ctx.db.kysely, scope, kind, rows);
            const report = await importSources(ctx.db, sources, options);
            return reply.status(200).send({ written: report.written });
          }
          // The scope check, the write and its audit entry: one transaction, all or nothing.
          const report = await ctx.db.transaction(async (tx) => {
            if (scope) await assertRowsInScope(tx.kysely, scope, kind, rows);
            const report = await importInTransaction(tx, sources, options);
            await appendAudit(tx, who, {
              action: 'records.write',
              target: kind.kind,
              detail: { rows: rows.length, written: report.written, import_id: report.importId },
            });
            return report;
          });
          return reply.status(201).send({ written: report.written });
        } catch (e) {
          if (e instanceof AppError && e.category === 'forbidden') {
            await audit(ctx.db, who, {
              action: 'records.write',
              target: kind.kind,
              outcome: 'refused',
              detail: { rows: rows.length, dry_run: options.dryRun, reason: e.message },
            });
          }
          throw e;
        }
      },
    );
  };
