import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paged } from '../../db/page.ts';
import type { AppContext } from '../app-context.ts';
import { areaCodeSchema, dateSchema, page, pageQuery } from '#core/contracts/common.ts';
import { subtree } from '../areas/subtree.ts';
import { areasInScope, scopeOf } from '../accounts/scope.ts';

export const fundsQuery = z
  .object({
    area: areaCodeSchema,
    kind: z.enum(['allocation', 'disbursement']).optional(),
    until: dateSchema.optional(),
    ...pageQuery,
  })
  .strict();
const fundSchema = z.object({
  ref: z.string(),
  kind: z.string(),
  date: z.string(),
  recipient_code: z.string(),
  recipient_name: z.string().nullable(),
  amount: z.number(),
  purpose: z.string().nullable(),
});
export const fundsSchema = page(fundSchema).extend({ allocated: z.number(), disbursed: z.number() });

export const fundsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/funds',
      {
        schema: {
          summary: 'Construction funds allocated to and paid out in an area (subtree), in yuan',
          tags: ['funds'],
          querystring: fundsQuery,
          response: { 200: fundsSchema },
        },
        config: { permission: 'registry:read' },
      },
      async (request) => {
        const { query: f } = request;
        const scope = scopeOf(request);
        let query = ctx.db.kysely
          .selectFrom('funds as f')
          .leftJoin('areas as a', 'a.code', 'f.recipient_code')
          .where('f.voided_at', 'is', null)
          .where('f.recipient_code', 'in', () => sql`(${subtree(f.area)} select code from sub)` as never);
        if (scope) query = query.where('f.recipient_code', 'in', areasInScope(scope));
        if (f.until) query = query.where('f.date', '<=', f.until);
        const totals = await query
          .select((eb) => [
            eb.fn.sum<number>(sql`case when f.kind = 'allocation' then f.amount_fen else 0 end`).as('allocated'),
            eb.fn.sum<number>(sql`case when f.kind = 'disbursement' then f.amount_fen else 0 end`).as('disbursed'),
          ])
          .executeTakeFirstOrThrow();
        if (f.kind) query = query.where('f.kind', '=', f.kind);
        const { items: rows, total } = await paged(
          query,
          (q) =>
            q
              .select([
                'f.ref',
                'f.kind',
                'f.date',
                'f.recipient_code',
                'a.name as recipient_name',
                'f.amount_fen',
                'f.purpose',
              ])
              .orderBy('f.date')
              .orderBy('f.ref'),
          f,
        );
        return {
          items: rows.map(({ amount_fen, ...r }) => ({
            ...r,
            recipient_name: r.recipient_name ?? null,
            amount: Number(amount_fen) / 100,
          })),
          total,
          limit: f.limit,
          offset: f.offset,
          allocated: Number(totals.allocated ?? 0) / 100,
          disbursed: Number(totals.disbursed ?? 0) / 100,
        };
      },
    );
  };
