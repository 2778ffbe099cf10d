/** GET proposals?month=&within= and POST proposals/{id}/decision: rewards and punishments. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { assertAggregateVisible, scopeOf } from '../accounts/scope.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  decisionBody,
  proposalParams,
  proposalSchema,
  proposalsQuery,
  proposalsSchema,
} from '#core/contracts/rewards.schema.ts';
import { decideProposal, listProposals } from './rewards.service.ts';

export const rewardsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/proposals',
      {
        schema: {
          summary:
            "Commendations, criticisms and interviews proposed from each scheme's composite for an area's children and officers, with the figures behind them",
          tags: ['rewards'],
          querystring: proposalsQuery,
          response: { 200: proposalsSchema },
        },
        config: { permission: 'aggregate:read' },
      },
      async (request) => {
        const { query } = request;
        assertAggregateVisible(await ctx.areas.tree(), scopeOf(request), query.within, 'children');
        const all = await listProposals(ctx.assessment, query.within, query.month);
        return query.status ? all.filter((p) => p.status === query.status) : all;
      },
    );
    app.post(
      '/proposals/:id/decision',
      {
        schema: {
          summary: 'Approve or reject a proposal; the decision keeps the figures it was taken on (audited)',
          tags: ['rewards'],
          params: proposalParams,
          body: decisionBody,
          response: { 200: proposalSchema },
        },
        config: { permission: 'proposals:decide' },
      },
      async (request) => {
        const { params, body } = request;
        return decideProposal(
          ctx.db,
          ctx.assessment,
          requestActor(request),
          params.id,
          body.decision,
          body.note ?? null,
        );
      },
    );
  };
