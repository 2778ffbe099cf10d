import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';

export interface OfficerFilter {
  unit?: string;
  area?: string;
  role?: string;
  on?: string;
  q?: string;
  limit: number;
  offset: number;
}

function postings(db: Kysely<DB>) {
  return db
    .selectFrom('officers as o')
    .leftJoin('units as u', 'u.code', 'o.unit_code')
    .where('o.voided_at', 'is', null);
}

const COLUMNS = ['o.badge', 'o.name', 'o.role', 'o.unit_code', 'u.name as unit_name', 'o.start_date', 'o.end_date', 'o.origin', 'o.phone'] as const;

/** Postings (one row each), filtered by unit, area subtree, role, a day they contain, or name/badge. */
export async function findPostings(db: Kysely<DB>, f: OfficerFilter) {
  let query = postings(db);
  if (f.unit) query = query.where('o.unit_code', '=', f.unit);
  if (f.role) query = query.where('o.role', '=', f.role);
  if (f.on) {
    const on = f.on;
    query = query.where('o.start_date', '<=', on).where((eb) => eb.or([eb('o.end_date', 'is', null), eb('o.end_date', '>=', on)]));
  }
  if (f.q) {
    const q = f.q.replace(/[%_\\]/g, '');
    query = query.where((eb) => eb.or([eb('o.badge', 'like', `${q}%`), eb('o.name', 'like', `%${q}%`)]));
  }
  if (f.area) {
    const area = f.area;
    query = query.where('u.area_code', 'in', () => sql`(${subtree(area)} select code from sub)` as never);
  }
  const [{ n }] = await query.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const items = await query.select([...COLUMNS]).orderBy('o.badge').orderBy('o.start_date').limit(f.limit).offset(f.offset).execute();
  return { items: items.map((r) => ({ ...r, unit_name: r.unit_name ?? null })), total: Number(n) };
}

/** Every posting of one badge, oldest first. */
export async function postingHistory(db: Kysely<DB>, badge: string) {
  const rows = await postings(db).select([...COLUMNS]).where('o.badge', '=', badge).orderBy('o.start_date').execute();
  return rows.map((r) => ({ ...r, unit_name: r.unit_name ?? null }));
}
