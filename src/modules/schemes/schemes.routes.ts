/** GET schemes?year= and PUT schemes/{name}?year=: the schemes in force for a year, and saving one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { SCHEME_NAMES } from '#core/schemes/scheme-definition.ts';
import { schemeBody, schemeParams, schemeSchema, schemesQuery, schemesSchema } from '#core/contracts/schemes.schema.ts';
import { saveScheme } from './schemes.service.ts';
import { presentScheme } from './schemes.presenter.ts';
import { shownNames } from '../accounts/shown-names.ts';

export const schemesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/schemes',
      {
        schema: {
          summary:
            'The schemes in force for a year (saved, else shipped): indicators, weights, floors, targets, thresholds',
          tags: ['schemes'],
          querystring: schemesQuery,
          response: { 200: schemesSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { year } = request.query;
        const schemes = await Promise.all(SCHEME_NAMES.map((name) => ctx.assessment.resolvedScheme(name, year)));
        const show = await shownNames(
          ctx.db.kysely,
          schemes.map((s) => s.saved_by),
        );
        return { year, schemes: schemes.map((s) => presentScheme(s, show)) };
      },
    );
    app.put(
      '/schemes/:name',
      {
        schema: {
          summary: 'Save a scheme for a year: the settings given replace those in force, as a new version (audited)',
          tags: ['schemes'],
          params: schemeParams,
          querystring: schemesQuery,
          body: schemeBody,
          response: { 200: schemeSchema },
        },
        config: { permission: 'schemes:write' },
      },
      async (request) => {
        const { params, query, body } = request;
        const saved = await saveScheme(ctx.db, requestActor(request), params.name, query.year, body, body.note ?? null);
        return presentScheme(saved, await shownNames(ctx.db.kysely, [saved.saved_by]));
      },
    );
  };
