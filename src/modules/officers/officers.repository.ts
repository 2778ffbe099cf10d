import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import { subtree } from '../areas/subtree.ts';
import { unitsInScope, type Scope } from '../accounts/scope.ts';
import { likePatterns } from '../../shared/search.ts';
import { postedOn } from '../../db/predicates.ts';

export interface OfficerFilter {
  unit?: string;
  area?: string;
  role?: string;
  on?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Postings at the units the scope reaches: outside it, a person does not exist. */
function postings(db: Kysely<DB>, scope: Scope | null) {
  const query = db
    .selectFrom('officers as o')
    .leftJoin('units as u', 'u.code', 'o.unit_code')
    .where('o.voided_at', 'is', null);
  return scope ? query.where('o.unit_code', 'in', unitsInScope(scope)) : query;
}

const COLUMNS = [
  'o.badge',
  'o.name',
  'o.role',
  'o.unit_code',
  'u.name as unit_name',
  'o.start_date',
  'o.end_date',
  'o.origin',
  'o.phone',
] as const;

/** Postings (one row each), filtered by unit, area subtree, role, a day they contain, or name/badge. */
export async function findPostings(db: Kysely<DB>, f: OfficerFilter, scope: Scope | null) {
  let query = postings(db, scope);
  if (f.unit) query = query.where('o.unit_code', '=', f.unit);
  if (f.role) query = query.where('o.role', '=', f.role);
  if (f.on) {
    const on = f.on;
    query = query.where(postedOn('o', on));
  }
  if (f.q) {
    const { prefix, contains } = likePatterns(f.q);
    query = query.where((eb) => eb.or([eb('o.badge', 'like', prefix), eb('o.name', 'like', contains)]));
  }
  if (f.area) {
    const area = f.area;
    query = query.where('u.area_code', 'in', () => sql`(${subtree(area)} select code from sub)` as never);
  }
  const { items, total } = await paged(
    query,
    (q) =>
      q
        .select([...COLUMNS])
        .orderBy('o.badge')
        .orderBy('o.start_date'),
    f,
  );
  return { items: items.map((r) => ({ ...r, unit_name: r.unit_name ?? null })), total };
}

/** Every posting of one badge within the scope, oldest first. */
export async function postingHistory(db: Kysely<DB>, badge: string, scope: Scope | null) {
  const rows = await postings(db, scope)
    .select([...COLUMNS])
    .where('o.badge', '=', badge)
    .orderBy('o.start_date')
    .execute();
  return rows.map((r) => ({ ...r, unit_name: r.unit_name ?? null }));
}

/**
 * The badges that exist for a scope: those with a posting at a unit it reaches; `only` narrows
 * the question to one badge. Read whole rather than as a list of parameters, which a province's
 * officers would overrun.
 */
export async function badgesInScope(db: Kysely<DB>, scope: Scope, only?: string): Promise<Set<string>> {
  let query = postings(db, scope).select('o.badge').distinct();
  if (only !== undefined) query = query.where('o.badge', '=', only);
  return new Set((await query.execute()).map((r) => r.badge));
}
