/** The funds of an area as the API answers them: yuan, one page, the totals of all pages. */
import type { Database } from '../../db/database.ts';
import type { FundsPage, FundsQuery } from '#core/contracts/funds.schema.ts';
import type { Actor } from '../accounts/access.ts';
import { fundsIn } from './funds.repository.ts';

/** Stored in fen; shown in yuan. */
const yuan = (fen: number) => fen / 100;

/** Within the actor's scope: outside it, funds to an area do not exist. */
export async function listFunds(db: Database, actor: Actor, query: FundsQuery): Promise<FundsPage> {
  const found = await fundsIn(db.kysely, query, actor.scope);
  return {
    items: found.items.map(({ amount_fen, ...r }) => ({ ...r, amount: yuan(amount_fen) })),
    total: found.total,
    limit: query.limit,
    offset: query.offset,
    allocated: yuan(found.allocated_fen),
    disbursed: yuan(found.disbursed_fen),
  };
}
