import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { KIND_NAMES } from './kinds/index.ts';
import { templateBytes } from './template.service.ts';
import { importUploadRoutes } from './upload.routes.ts';
import { scopeOf } from '../accounts/scope.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  importJobParams,
  importJobSchema,
  importReportSchema,
  importSettingsPatch,
  importSettingsSchema,
} from '#core/contracts/imports.schema.ts';
import { loadImportSettings, updateImportSettings } from './imports.settings.ts';
import { cancelJob, confirmJob, listJobs, reportBody, showJob } from './import-jobs.service.ts';

export const templateParams = z
  .object({ file: z.enum(['all.xlsx', ...KIND_NAMES.map((k) => `${k}.xlsx`)] as [string, ...string[]]) })
  .strict();
export const templateQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') }).strict();

export const importsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(importUploadRoutes(ctx));
    const actorOf = (request: Parameters<typeof scopeOf>[0]) => ({
      who: requestActor(request),
      scope: scopeOf(request),
    });
    app.get(
      '/imports/settings',
      {
        schema: {
          summary:
            'Imports settings: what an officer’s and a manager’s upload may unpack to, and the minutes a checked job awaits its confirmation',
          tags: ['records'],
          response: { 200: importSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async () => loadImportSettings(ctx.db.kysely),
    );
    app.put(
      '/imports/settings',
      {
        schema: {
          summary: 'Change the imports settings (audited)',
          tags: ['records'],
          body: importSettingsPatch.strict(),
          response: { 200: importSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async (request) => updateImportSettings(ctx.db, requestActor(request), request.body),
    );
    app.get(
      '/imports',
      {
        schema: {
          summary: 'Your own latest import jobs (up to 20), newest first, each as GET imports/{id} shows it',
          tags: ['records'],
          response: { 200: z.array(importJobSchema) },
        },
        config: { permission: 'records:write' },
      },
      async (request) => listJobs(ctx.db, actorOf(request)),
    );
    app.get(
      '/imports/:id',
      {
        schema: {
          summary: 'An import job of your own: its phase (with its place while queued), rows, report and errors',
          tags: ['records'],
          params: importJobParams,
          response: { 200: importJobSchema },
        },
        config: { permission: 'records:write' },
      },
      async (request) => showJob(ctx.db, request.params.id, actorOf(request)),
    );
    app.post(
      '/imports/:id/confirm',
      {
        schema: {
          summary: 'Write a checked import job (a dry run) from its stored file, checked again as it is written',
          tags: ['records'],
          params: importJobParams,
          response: { 201: importReportSchema },
        },
        config: { permission: 'records:write' },
      },
      async (request, reply) => {
        const { job, report } = await confirmJob(ctx.db, request.params.id, actorOf(request));
        return reply.status(201).send(reportBody(report, job));
      },
    );
    app.post(
      '/imports/:id/cancel',
      {
        schema: {
          summary: 'Cancel a queued or checked import job of your own; its stored file is removed',
          tags: ['records'],
          params: importJobParams,
          response: { 200: importJobSchema },
        },
        config: { permission: 'records:write' },
      },
      async (request) => cancelJob(ctx.db, request.params.id, actorOf(request)),
    );
    app.get(
      '/templates/:file',
      {
        schema: {
          summary: 'An XLSX import template (one kind, or all.xlsx), headers in Chinese or English with an example row',
          tags: ['records'],
          params: templateParams,
          querystring: templateQuery,
        },
        config: { permission: 'registry:read' },
      },
      async ({ params, query }, reply) => {
        const bytes = await templateBytes(params.file.replace(/\.xlsx$/, ''), query.lang);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('Content-Disposition', `attachment; filename="outpost-${params.file}"`)
          .send(bytes);
      },
    );
  };
