import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  periodActionBody,
  periodActionParams,
  periodEventsSchema,
  periodQuery,
  periodRowSchema,
  periodSettingsPatch,
  periodSettingsSchema,
  periodsQuery,
  periodsSchema,
  revisionQuery,
  revisionSchema,
} from '#core/contracts/periods.schema.ts';
import { actOnPeriod, periodHistory, periodsFor } from './periods.service.ts';
import { revisionFor } from './revision.service.ts';
import { loadPeriodSettings, updatePeriodSettings } from './periods.settings.ts';

/** Periods (SPEC §5): the board, a period's steps, its revision, the four actions, the settings. */
export const periodsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['periods'];
    app.get(
      '/periods',
      {
        schema: {
          summary:
            'The periods of an area and its children for a month: status (a descendant of a locked area reports locked), who acted and when, what awaits whom',
          tags,
          querystring: periodsQuery,
          response: { 200: periodsSchema },
        },
        config: { permission: 'periods:read' },
      },
      async (request) => periodsFor(ctx, actorOf(request), request.query),
    );
    app.get(
      '/periods/history',
      {
        schema: {
          summary: "The steps taken on an area's period of a month and on those above it, with unlocks' reasons",
          tags,
          querystring: periodQuery,
          response: { 200: periodEventsSchema },
        },
        config: { permission: 'periods:read' },
      },
      async (request) => periodHistory(ctx, actorOf(request), request.query),
    );
    app.get(
      '/periods/revision',
      {
        schema: {
          summary:
            "A period's figures as locked beside the live recomputation (revised): the area's indicators and its children's ranking, with what differs",
          tags,
          querystring: revisionQuery,
          response: { 200: revisionSchema },
        },
        config: { permission: 'periods:read' },
      },
      async (request) => revisionFor(ctx, actorOf(request), request.query),
    );
    app.get(
      '/periods/settings',
      {
        schema: {
          summary: 'Which levels submit, approve and lock; the deadlines; whether a month may be locked early',
          tags,
          response: { 200: periodSettingsSchema },
        },
        config: { permission: 'periods:read' },
      },
      async () => loadPeriodSettings(ctx.db.kysely),
    );
    app.put(
      '/periods/settings',
      {
        schema: {
          summary: 'Change the period settings (the chain must go up the tree)',
          tags,
          body: periodSettingsPatch,
          response: { 200: periodSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async (request) => updatePeriodSettings(ctx.db, requestActor(request), request.body),
    );
    app.post(
      '/periods/:action',
      {
        schema: {
          summary:
            'Submit, approve, lock or unlock the period (area, month); a reason is required to unlock. Answers the period as it stands after',
          tags,
          params: periodActionParams,
          body: periodActionBody,
          response: { 200: periodRowSchema },
        },
        config: { permission: 'periods:act' },
      },
      async (request) => actOnPeriod(ctx, actorOf(request), request.params.action, request.body),
    );
  };
