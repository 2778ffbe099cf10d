/** The funds of an area as the API answers them: yuan, one page, the totals of all pages. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { FundsPage, FundsQuery } from '#core/contracts/funds.schema.ts';
import type { Scope } from '../accounts/scope.ts';
import { fundsIn } from './funds.repository.ts';

/** Stored in fen; shown in yuan. */
const yuan = (fen: number) => fen / 100;

export async function listFunds(db: Kysely<DB>, query: FundsQuery, scope: Scope | null): Promise<FundsPage> {
  const found = await fundsIn(db, query, scope);
  return {
    items: found.items.map(({ amount_fen, ...r }) => ({ ...r, amount: yuan(amount_fen) })),
    total: found.total,
    limit: query.limit,
    offset: query.offset,
    allocated: yuan(found.allocated_fen),
    disbursed: yuan(found.disbursed_fen),
  };
}
