import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../modules/app-context.ts';
import { demoInfo } from '../modules/demo/demo.service.ts';
import { dataVersion } from '../db/data-version.ts';
import { latestMonth } from '../modules/assessment/warm-up.ts';
import { currentMonth, timeZone, today } from '../shared/clock.ts';
import { metaSchema } from '#core/contracts/meta.schema.ts';
import { actorOf } from '../modules/accounts/access.ts';
import { landingFor } from '../modules/completeness/completeness.use-cases.ts';

export const metaRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/meta',
      {
        schema: {
          summary:
            'About this deployment: engine, data version, whether it is demonstration data, the top areas, the latest month with records, today in the province’s time zone; for the account: the areas it sees first and the month its pages open on (default_month, SPEC §5)',
          tags: ['health'],
          response: { 200: metaSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const tree = await ctx.areas.tree();
        return {
          engine: ctx.db.engine,
          data_version: await dataVersion(ctx.db.kysely),
          demo: await demoInfo(ctx.db),
          root_areas: tree.children.roots
            .map((code) => tree.areas.get(code)!)
            .map(({ code, name, level }) => ({ code, name, level })),
          latest_month: await latestMonth(ctx.db.kysely),
          today: today(),
          current_month: currentMonth(),
          time_zone: timeZone(),
          ...(await landingFor(ctx, actorOf(request))),
        };
      },
    );
  };
