import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { scopeOf } from '../accounts/scope.ts';
import { leaderBody, leaderParams, leaderRowSchema, leadersQuery } from './supervision.schema.ts';
import { leaders, setLeader } from './leaders.service.ts';

/** The leaders responsible for rectification in each area. */
export const leadersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/leaders',
      {
        schema: { summary: "Responsible leaders of the areas in an area's subtree, within your jurisdiction", tags: ['supervision'], querystring: leadersQuery, response: { 200: z.array(leaderRowSchema) } },
        config: { permission: 'tasks:read' },
      },
      async (request) => leaders(ctx.db, scopeOf(request), request.query.area),
    );
    app.put(
      '/leaders/:area',
      {
        schema: { summary: "Set an area's responsible leader (pending tasks without one take it)", tags: ['supervision'], params: leaderParams, body: leaderBody, response: { 200: leaderRowSchema } },
        config: { permission: 'tasks:write' },
      },
      async (request) => {
        const row = await setLeader(ctx.db, requestActor(request), scopeOf(request), request.params.area, request.body);
        return { ...row, area_name: (await ctx.assessment.area(row.area_code)).name };
      },
    );
  };
