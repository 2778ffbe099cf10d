import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  channelEnabledBody,
  channelInput,
  channelNameParams,
  channelSchema,
  deliveryIdParams,
  deliveryListQuery,
  deliveryPageSchema,
  deliverySchema,
  eventCatalogueSchema,
  mySubscriptionsBody,
  mySubscriptionsSchema,
  sendOutcomeSchema,
} from '#core/contracts/channels.schema.ts';
import { ChannelsService } from './channels.service.ts';
import { EVENT_CATALOGUE, EVENT_NAMES } from './events.ts';
import { mySubscriptions, setMySubscriptions } from './subscriptions.service.ts';

function username(request: { session?: { account: { username: string } } }): string {
  if (!request.session) throw new AppError('internal_error', { detail: 'no session on a route that needs one' });
  return request.session.account.username;
}

/**
 * Channels and their delivery log for admins (secrets never shown back), the catalogue of
 * events, and every account's own subscriptions.
 */
export const channelsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const channels = new ChannelsService(ctx.db);
    const tags = ['channels'];
    app.get(
      '/channels',
      {
        schema: {
          summary: 'Channels with their delivery counts; addresses masked, secrets never shown',
          tags,
          response: { 200: z.array(channelSchema) },
        },
        config: { permission: 'channels:manage' },
      },
      async () => channels.list(),
    );
    app.post(
      '/channels',
      {
        schema: {
          summary: 'Add a channel: email over SMTP, a webhook (json, WeCom or DingTalk robot) or an SMS gateway',
          tags,
          body: channelInput,
          response: { 201: channelSchema },
        },
        config: { permission: 'channels:manage' },
      },
      async (request, reply) => reply.status(201).send(await channels.add(requestActor(request), request.body)),
    );
    app.delete(
      '/channels/:name',
      {
        schema: {
          summary: 'Remove a channel (its deliveries stay in the log; those not sent are cancelled)',
          tags,
          params: channelNameParams,
        },
        config: { permission: 'channels:manage' },
      },
      async (request, reply) => {
        await channels.remove(requestActor(request), request.params.name);
        return reply.status(204).send();
      },
    );
    app.put(
      '/channels/:name/enabled',
      {
        schema: {
          summary: 'Enable or disable a channel',
          tags,
          params: channelNameParams,
          body: channelEnabledBody,
          response: { 200: channelSchema },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.setEnabled(requestActor(request), request.params.name, request.body.enabled),
    );
    app.post(
      '/channels/:name/test',
      {
        schema: {
          summary: 'Send a test message over a channel now and answer how it went',
          tags,
          params: channelNameParams,
          response: { 200: sendOutcomeSchema },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.test(requestActor(request), request.params.name),
    );
    app.get(
      '/deliveries',
      {
        schema: {
          summary: 'The delivery log, newest first: by channel, status or event',
          tags,
          querystring: deliveryListQuery,
          response: { 200: deliveryPageSchema },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.deliveries(request.query),
    );
    app.post(
      '/deliveries/:id/retry',
      {
        schema: {
          summary: 'Send a given-up or cancelled delivery again',
          tags,
          params: deliveryIdParams,
          response: { 200: deliverySchema },
        },
        config: { permission: 'channels:manage' },
      },
      async (request) => channels.retry(requestActor(request), request.params.id),
    );
    app.get(
      '/events',
      {
        schema: {
          summary: 'The events channels carry and accounts subscribe to, with the permission each needs',
          tags,
          response: { 200: eventCatalogueSchema },
        },
        config: { permission: 'session:self' },
      },
      async () => EVENT_NAMES.map((name) => ({ name, ...EVENT_CATALOGUE[name] })),
    );
    app.get(
      '/subscriptions',
      {
        schema: {
          summary: 'My subscriptions: email, phone, quiet hours, and the channels that bring me which events',
          tags,
          response: { 200: mySubscriptionsSchema },
        },
        config: { permission: 'session:self' },
      },
      async (request) => mySubscriptions(ctx.db, username(request)),
    );
    app.put(
      '/subscriptions',
      {
        schema: {
          summary: 'Change my email, phone, quiet hours or subscriptions (the list given replaces mine)',
          tags,
          body: mySubscriptionsBody,
          response: { 200: mySubscriptionsSchema },
        },
        config: { permission: 'session:self' },
      },
      async (request) => setMySubscriptions(ctx.db, requestActor(request), username(request), request.body),
    );
  };
