/** The audit log for auditors: its entries, and whether its chain holds. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { audit, findAudit } from './audit.repository.ts';
import { verifyChain } from './audit.verify.ts';
import { requestActor } from './audit.actor.ts';
import { auditPage, auditQuery, chainSchema } from '#core/contracts/audit.schema.ts';
import { auditInstant } from './audit-instant.ts';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          summary: 'Audit entries, newest first, by time, actor or action (reading them is itself audited)',
          tags: ['audit'],
          querystring: auditQuery,
          response: { 200: auditPage },
        },
        config: { permission: 'audit:read' },
      },
      async (request) => {
        const { query } = request;
        const result = await findAudit(ctx.db.kysely, {
          ...query,
          since: auditInstant(query.since),
          until: auditInstant(query.until),
        });
        await audit(ctx.db, requestActor(request), {
          action: 'audit.read',
          detail: { since: query.since, until: query.until, actor: query.actor, action: query.action },
        });
        return { ...result, limit: query.limit, offset: query.offset };
      },
    );
    app.get(
      '/audit/verify',
      {
        schema: {
          summary: 'Walks the hash chain: intact, or the first broken entry (as `outpost audit verify`)',
          tags: ['audit'],
          response: { 200: chainSchema },
        },
        config: { permission: 'audit:read' },
      },
      async () => verifyChain(ctx.db.kysely, ctx.db.keys),
    );
  };
