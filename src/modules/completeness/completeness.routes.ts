import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import {
  completenessAreaQuery,
  completenessAreaSchema,
  completenessQuery,
  completenessRoomsQuery,
  completenessRoomsSchema,
  completenessSchema,
  completenessSettingsPatch,
  completenessSettingsSchema,
} from '#core/contracts/completeness.schema.ts';
import { completenessFor, completenessOfAreaFor, completenessRoomsFor } from './completeness.use-cases.ts';
import { loadCompletenessSettings, updateCompletenessSettings } from './completeness.settings.ts';

/** SPEC §5 completeness: rates of an area's children, of one area, the rooms behind them, the settings. */
export const completenessRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['completeness'];
    app.get(
      '/completeness',
      {
        schema: {
          summary:
            "Completeness of an area's children in a month: open rooms at its end, those with a visit, info report or familiarity check placed at them, the rate, and those on time",
          tags,
          querystring: completenessQuery,
          response: { 200: completenessSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => completenessFor(ctx, actorOf(request), request.query),
    );
    app.get(
      '/completeness/area',
      {
        schema: {
          summary: "One area's completeness and on-time rate in a month, with the threshold and the reporting deadline",
          tags,
          querystring: completenessAreaQuery,
          response: { 200: completenessAreaSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => completenessOfAreaFor(ctx, actorOf(request), request.query),
    );
    app.get(
      '/completeness/rooms',
      {
        schema: {
          summary:
            "The open rooms of an area's subtree at a month's end that have not reported (or have, or all), by area, with their records of the month",
          tags,
          querystring: completenessRoomsQuery,
          response: { 200: completenessRoomsSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => completenessRoomsFor(ctx, actorOf(request), request.query),
    );
    app.get(
      '/completeness/settings',
      {
        schema: {
          summary: 'Completeness settings: the threshold a month must reach to open on, and the reporting deadline day',
          tags,
          response: { 200: completenessSettingsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async () => loadCompletenessSettings(ctx.db.kysely),
    );
    app.put(
      '/completeness/settings',
      {
        schema: {
          summary: 'Change the completeness threshold or the reporting deadline day (audited)',
          tags,
          body: completenessSettingsPatch.strict(),
          response: { 200: completenessSettingsSchema },
        },
        config: { permission: 'settings:manage' },
      },
      async (request) => updateCompletenessSettings(ctx.db, actorOf(request).who, request.body),
    );
  };
