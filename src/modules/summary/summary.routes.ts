import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { CONTENT_TYPES, renderDocument } from '../notifications/document/render.ts';
import { summaryQuery } from '#core/contracts/summary.schema.ts';
import { annualSummary, summaryDate } from './summary.service.ts';

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
        await ctx.areas.area(q.area);
        // Its figures and its children's: visible where both are, which is the account's own subtree.
        const tree = await ctx.areas.tree();
        assertAggregateVisible(tree, scopeOf(request), q.area, 'area');
        assertAggregateVisible(tree, scopeOf(request), q.area, 'children');
        const result = await annualSummary(ctx.db.kysely, ctx.assessment, {
          area: q.area,
          year: q.year,
          lang: q.lang,
          date: q.date ?? summaryDate(q.year),
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
