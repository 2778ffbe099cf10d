import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { KIND_NAMES } from './kinds/index.ts';
import { templateBytes } from './template.service.ts';
import { importUploadRoutes } from './upload.routes.ts';

export const templateParams = z
  .object({ file: z.enum(['all.xlsx', ...KIND_NAMES.map((k) => `${k}.xlsx`)] as [string, ...string[]]) })
  .strict();
export const templateQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') }).strict();

export const importsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(importUploadRoutes(ctx));
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
