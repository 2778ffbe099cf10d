import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import type { Area } from '#core/contracts/areas.schema.ts';
import { subtree } from './subtree.ts';
import { areasInScope, type Scope } from '../accounts/scope.ts';
import { likePatterns } from '../../shared/search.ts';

const COLUMNS = ['code', 'name', 'level', 'parent_code', 'urban_rural'] as const;

export interface AreaFilter {
  q?: string;
  parent?: string;
  level?: string;
  within?: string;
  limit: number;
  offset: number;
}

/** Areas by name or code (prefix of the code, part of the name), under a parent or a subtree; within the scope. */
export async function findAreas(
  db: Kysely<DB>,
  f: AreaFilter,
  scope: Scope | null,
): Promise<{ items: Area[]; total: number }> {
  let query = db.selectFrom('areas').where('voided_at', 'is', null);
  if (scope) query = query.where('code', 'in', areasInScope(scope));
  if (f.parent) query = query.where('parent_code', '=', f.parent);
  if (f.level) query = query.where('level', '=', f.level);
  if (f.q) {
    const { prefix, contains } = likePatterns(f.q);
    query = query.where((eb) => eb.or([eb('code', 'like', prefix), eb('name', 'like', contains)]));
  }
  if (f.within) {
    const within = f.within;
    query = query.where('code', 'in', () => sql`(${subtree(within)} select code from sub)` as never);
  }
  return paged(query, (q) => q.select([...COLUMNS]).orderBy('code'), f);
}

/** One area; none when it lies outside the scope. */
export async function findArea(db: Kysely<DB>, code: string, scope: Scope | null): Promise<Area | undefined> {
  let query = db
    .selectFrom('areas')
    .select([...COLUMNS])
    .where('code', '=', code)
    .where('voided_at', 'is', null);
  if (scope) query = query.where('code', 'in', areasInScope(scope));
  return query.executeTakeFirst();
}

export async function countChildren(db: Kysely<DB>, code: string): Promise<number> {
  const row = await db
    .selectFrom('areas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_code', '=', code)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
