import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { CONTENT_TYPES, renderDocument } from '../notifications/document/render.ts';
import { summaryQuery } from '#core/contracts/summary.schema.ts';
import { summaryFor } from './summary.service.ts';

export const summaryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/summary',
      {
        schema: {
          summary:
            "The annual work summary of an area, as md, docx, pdf or html, or its facts and document model (json); standing figures are the year's last day's",
          tags: ['summary'],
          querystring: summaryQuery,
        },
        config: { permission: 'aggregate:read' },
      },
      async (request, reply) => {
        const q = request.query;
        const result = await summaryFor(ctx, actorOf(request), {
          area: q.area,
          year: q.year,
          lang: q.lang,
          date: q.date,
        });
        if (q.format === 'json') return result;
        const bytes = await renderDocument(result.document, q.format);
        const disposition = q.format === 'html' ? 'inline' : 'attachment';
        return reply
          .header('content-type', CONTENT_TYPES[q.format])
          .header('content-disposition', `${disposition}; filename="summary-${q.area}-${q.year}.${q.format}"`)
          .send(bytes);
      },
    );
  };
