/**
 * POST imports: the import file itself as the body (CSV in UTF-8 or GB18030, .csv.gz, XLSX of
 * one kind or the all.xlsx workbook), through the same pipeline as `outpost import`. In a
 * context of its own, where every body of any Content-Type is a stream written to disk as it
 * arrives; the other routes keep parsing JSON.
 */
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { scopeOf } from '../accounts/scope.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { importReportSchema, importUploadQuery } from '#core/contracts/imports.schema.ts';
import { receiveUpload } from './upload.body.ts';
import { UPLOAD_CAP } from '#core/imports/upload-limits.ts';
import { reportBody, submitUpload, type JobOutcome } from './import-jobs.service.ts';

export const importUploadRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    app.post(
      '/imports',
      {
        schema: {
          summary:
            'Import a file: the body is the file (CSV, .csv.gz or XLSX, up to 512 MiB; a scoped account less), ?name= its name; all or nothing, rejected rows named by the file’s own lines. A job underneath: with dry_run=true it is checked only and kept for POST imports/{id}/confirm',
          tags: ['records'],
          querystring: importUploadQuery,
          response: { 200: importReportSchema, 201: importReportSchema },
        },
        config: { permission: 'records:write' },
      },
      async (request, reply) => {
        const { query } = request;
        const upload = await receiveUpload(request.body as Readable | undefined, {
          name: query.name,
          announced: request.headers['content-length'],
          cap: UPLOAD_CAP,
        });
        const dryRun = query.dry_run === 'true';
        let outcome: JobOutcome;
        // The stored file is the job's: removed before the answer goes unless a checked job
        // keeps it for its confirmation, so a client that has its answer finds nothing else left.
        try {
          outcome = await submitUpload(
            ctx.db,
            { path: upload.path, bytes: upload.bytes, kind: query.kind },
            { who: requestActor(request), scope: scopeOf(request) },
            dryRun,
          );
        } catch (e) {
          await upload.remove();
          throw e;
        }
        return reply.status(dryRun ? 200 : 201).send(reportBody(outcome.report, outcome.job));
      },
    );
  };
