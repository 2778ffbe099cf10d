/**
 * The funds queries: the items allocated to and paid out in an area's subtree (and the scope's),
 * with their totals in fen, as stored.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { paged, type PageRequest } from '../../db/page.ts';
import { subtree } from '../areas/subtree.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';

export interface FundsFilter extends PageRequest {
  area: string;
  kind?: 'allocation' | 'disbursement';
  until?: string;
}

export interface FundRow {
  ref: string;
  kind: string;
  date: string;
  recipient_code: string;
  recipient_name: string | null;
  amount_fen: number;
  purpose: string | null;
}

/** One page of the funds to recipients in `area`'s subtree, with the totals of every page (not narrowed by kind). */
export async function fundsIn(
  db: Kysely<DB>,
  f: FundsFilter,
  scope: Scope | null,
): Promise<{ items: FundRow[]; total: number; allocated_fen: number; disbursed_fen: number }> {
  let query = db
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
  const { items, total } = await paged(
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
    items: items.map((r) => ({ ...r, recipient_name: r.recipient_name ?? null, amount_fen: Number(r.amount_fen) })),
    total,
    allocated_fen: Number(totals.allocated ?? 0),
    disbursed_fen: Number(totals.disbursed ?? 0),
  };
}
