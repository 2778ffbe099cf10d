/** GET proposals?month=&within= and POST proposals/{id}/decision: rewards and punishments. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { actorOf } from '../accounts/access.ts';
import { requestActor } from '../audit/audit.actor.ts';
import {
  decisionBody,
  proposalParams,
  proposalSchema,
  proposalsQuery,
  proposalsSchema,
} from '#core/contracts/rewards.schema.ts';
import { decideProposal, proposalsFor } from './rewards.service.ts';
import { bindRows } from '#core/exports/export-table.ts';
import { PROPOSALS_TABLE } from '#core/exports/tables/supervision-tables.ts';
import { answerAs } from '../exports/export.reply.ts';

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
      async (request, reply) => {
        const q = request.query;
        const rows = await proposalsFor(ctx, actorOf(request), q);
        return answerAs(reply, q, rows, () => bindRows(PROPOSALS_TABLE, rows), `proposals-${q.within}-${q.month}`);
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
