import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../accounts/access.ts';
import { todoSchema } from '#core/contracts/todo.schema.ts';
import { todoFor } from './todo.service.ts';

/** The signed-in account's 待办: what awaits it, each item linking to where it is done. */
export const todoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/todo',
      {
        schema: {
          summary:
            'What awaits the signed-in account (待办): periods to submit or approve, notices to sign for, tasks, appeals',
          tags: ['todo'],
          response: { 200: todoSchema },
        },
        config: { permission: 'session:self' },
      },
      async (request) => {
        const session = request.session;
        if (!session) throw new AppError('internal_error', { detail: 'no session on a route that needs one' });
        return { items: await todoFor(ctx, actorOf(request), session.account.role) };
      },
    );
  };
