/**
 * One page of a list query and the number of rows on all pages: the count-then-page every list
 * route answers with (`{items, total}`, beside the `limit` and `offset` it was asked for).
 *
 * @example
 *   const { items, total } = await paged(
 *     db.selectFrom('areas').where('level', '=', 'city'),
 *     (q) => q.select(['code', 'name']).orderBy('code'),
 *     { limit: 50, offset: 0 },
 *   );
 */
import { sql, type SelectQueryBuilder, type Simplify } from 'kysely';

export interface PageRequest {
  limit: number;
  offset: number;
}

/**
 * Counts the rows `query` matches, then reads the page of them that `rows` selects and orders.
 * `query` carries the filters only; whatever it selects or orders by is left out of the count.
 */
export async function paged<DB, TB extends keyof DB, O, R>(
  query: SelectQueryBuilder<DB, TB, O>,
  rows: (filtered: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  { limit, offset }: PageRequest,
): Promise<{ items: Simplify<R>[]; total: number }> {
  const { n } = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number | string>`count(*)`.as('n'))
    .$castTo<{ n: number | string }>()
    .executeTakeFirstOrThrow();
  const items = await rows(query).limit(limit).offset(offset).execute();
  // PostgreSQL answers count(*) as a bigint, which arrives as a string.
  return { items, total: Number(n) };
}
