import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { noticeParams } from '#core/contracts/notifications.schema.ts';
import { receiptParams, receiptsSchema, reminderBody, remindedSchema } from '#core/contracts/receipts.schema.ts';
import { receiptsFor, remindFor, signFor } from './receipts.service.ts';

/** An issued notice's receipts (签收) and reminders (催办). */
export const receiptsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications/:id/receipts',
      {
        schema: {
          summary:
            "An issued notice's receipts: which receiving areas signed for it, who and when, reminders sent, its history",
          tags: ['notifications'],
          params: noticeParams,
          response: { 200: receiptsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => receiptsFor(ctx, actorOf(request), request.params.id),
    );
    app.post(
      '/notifications/:id/receipts/:area',
      {
        schema: {
          summary: "Sign for a receiving area's receipt of a notice (签收): an account of that area only, once",
          tags: ['notifications'],
          params: receiptParams,
          response: { 200: receiptsSchema },
        },
        config: { permission: 'notifications:write' },
      },
      async (request) => signFor(ctx, actorOf(request), request.params.id, request.params.area),
    );
    app.post(
      '/notifications/:id/reminders',
      {
        schema: {
          summary:
            'Remind receiving areas that have not signed for a notice (催办): recorded in its history, sent as event receipt.reminder',
          tags: ['notifications'],
          params: noticeParams,
          body: reminderBody,
          response: { 200: remindedSchema },
        },
        config: { permission: 'notifications:write' },
      },
      async (request) => remindFor(ctx, actorOf(request), request.params.id, request.body.areas),
    );
  };
