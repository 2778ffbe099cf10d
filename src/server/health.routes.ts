import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../modules/app-context.ts';

const healthSchema = z.object({ status: z.enum(['ready', 'starting']), engine: z.string() });

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          summary: '200 only when the server can serve everything; 503 while it starts',
          tags: ['health'],
          response: { 200: healthSchema, 503: healthSchema },
        },
        config: { permission: 'public' },
      },
      async (_request, reply) => {
        const ready = ctx.ready();
        return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'starting', engine: ctx.db.engine });
      },
    );
  };
