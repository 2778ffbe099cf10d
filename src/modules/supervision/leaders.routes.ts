import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { scopeOf } from '../accounts/scope.ts';
import {
  leaderBody,
  leaderPageSchema,
  leaderParams,
  leaderRowSchema,
  leadersQuery,
} from '#core/contracts/supervision.schema.ts';
import { leaders, setLeader } from './leaders.service.ts';

/** The leaders responsible for rectification in each area. */
export const leadersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/leaders',
      {
        schema: {
          summary: "Responsible leaders of the areas in an area's subtree, within your jurisdiction",
          tags: ['supervision'],
          querystring: leadersQuery,
          response: { 200: leaderPageSchema },
        },
        config: { permission: 'tasks:read' },
      },
      async (request) => {
        const { area, limit, offset } = request.query;
        const rows = await leaders(ctx.db, scopeOf(request), area);
        return { items: rows.slice(offset, offset + limit), total: rows.length, limit, offset };
      },
    );
    app.put(
      '/leaders/:area',
      {
        schema: {
          summary: "Set an area's responsible leader (pending tasks without one take it)",
          tags: ['supervision'],
          params: leaderParams,
          body: leaderBody,
          response: { 200: leaderRowSchema },
        },
        config: { permission: 'tasks:write' },
      },
      async (request) => {
        const row = await setLeader(ctx.db, requestActor(request), scopeOf(request), request.params.area, request.body);
        return { ...row, area_name: (await ctx.areas.area(row.area_code)).name };
      },
    );
  };
