/**
 * The header's search: officers by badge (its start) or name (anywhere in it), rooms by code or
 * name, both within the scope (outside it, people and rooms do not exist).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { unitsInScope, type Scope } from '../accounts/scope.ts';
import { likePatterns } from '../../shared/search.ts';
import { postedOn } from '../../db/predicates.ts';
import type { SearchAnswer } from '#core/contracts/search.schema.ts';

/**
 * At most `limit` officers, each once: the posting that contains `day`, else its latest.
 * Ordered by badge.
 */
export async function findOfficers(
  db: Kysely<DB>,
  q: string,
  day: string,
  scope: Scope | null,
  limit: number,
): Promise<SearchAnswer['officers']> {
  const { prefix, contains } = likePatterns(q);
  let query = db
    .selectFrom('officers as o')
    .leftJoin('units as u', 'u.code', 'o.unit_code')
    .where('o.voided_at', 'is', null)
    .where((eb) => eb.or([eb('o.badge', 'like', prefix), eb('o.name', 'like', contains)]));
  if (scope) query = query.where('o.unit_code', 'in', unitsInScope(scope));
  // The badges first (a page of them), then each one's postings to pick the one to show.
  const badges = await query.select('o.badge').distinct().orderBy('o.badge').limit(limit).execute();
  if (badges.length === 0) return [];
  let postings = db
    .selectFrom('officers as o')
    .leftJoin('units as u', 'u.code', 'o.unit_code')
    .where('o.voided_at', 'is', null)
    .where(
      'o.badge',
      'in',
      badges.map((b) => b.badge),
    );
  if (scope) postings = postings.where('o.unit_code', 'in', unitsInScope(scope));
  const rows = await postings
    .select(['o.badge', 'o.name', 'o.role', 'o.unit_code', 'u.name as unit_name'])
    .select(sql<number>`case when ${postedOn('o', day)} then 1 else 0 end`.as('current'))
    .orderBy('o.badge')
    .orderBy(sql`case when ${postedOn('o', day)} then 0 else 1 end`)
    .orderBy('o.start_date', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: SearchAnswer['officers'] = [];
  for (const r of rows) {
    if (seen.has(r.badge)) continue;
    seen.add(r.badge);
    out.push({ ...r, unit_name: r.unit_name ?? null, current: Number(r.current) === 1 });
  }
  return out;
}

/** At most `limit` rooms whose code begins with q or whose name holds it, by code. */
export async function findRooms(
  db: Kysely<DB>,
  q: string,
  scope: Scope | null,
  limit: number,
): Promise<SearchAnswer['rooms']> {
  const { prefix, contains } = likePatterns(q);
  let query = db
    .selectFrom('units')
    .where('voided_at', 'is', null)
    .where('type', 'in', ['community_room', 'rural_office'])
    .where((eb) => eb.or([eb('code', 'like', prefix), eb('name', 'like', contains)]));
  if (scope) query = query.where('code', 'in', unitsInScope(scope));
  const rows = await query
    .select(['code', 'name', 'type', 'status', 'area_code', 'address'])
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, type: r.type as 'community_room' | 'rural_office' }));
}
