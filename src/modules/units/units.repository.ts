import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';
import { subtree } from '../areas/subtree.ts';
import { unitsInScope, type Scope } from '../accounts/scope.ts';
import { ASPECTS, STANDARD_KIT } from '#core/kinds/kind.ts';
import { isOpenOn } from '#core/assessment/placement.ts';
import { postedOn } from '../../db/predicates.ts';
import type { Unit, UnitDetail } from '#core/contracts/units.schema.ts';
import { likePatterns } from '../../shared/search.ts';

const COLUMNS = [
  'code',
  'name',
  'type',
  'area_code',
  'station_code',
  'covers',
  'status',
  'opened_on',
  'closed_on',
  'phone',
  'hours',
  'address',
  'longitude',
  'latitude',
] as const;

export interface UnitFilter {
  type?: string;
  status?: string;
  area?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Units by type, status, area subtree or name; within the scope. */
export async function findUnits(
  db: Kysely<DB>,
  f: UnitFilter,
  scope: Scope | null,
): Promise<{ items: Unit[]; total: number }> {
  let query = db.selectFrom('units').where('voided_at', 'is', null);
  if (scope) query = query.where('code', 'in', unitsInScope(scope));
  if (f.type) query = query.where('type', '=', f.type);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.q) {
    const { prefix, contains } = likePatterns(f.q);
    query = query.where((eb) => eb.or([eb('code', 'like', prefix), eb('name', 'like', contains)]));
  }
  if (f.area) {
    const area = f.area;
    query = query.where('area_code', 'in', () => sql`(${subtree(area)} select code from sub)` as never);
  }
  return paged(query, (q) => q.select([...COLUMNS]).orderBy('code'), f);
}

/** A unit as it stands on `day`: its postings, latest kit, inspections and teams; none outside the scope. */
export async function unitDetail(
  db: Kysely<DB>,
  code: string,
  day: string,
  scope: Scope | null,
): Promise<UnitDetail | undefined> {
  let unitQuery = db
    .selectFrom('units')
    .select([...COLUMNS])
    .where('code', '=', code)
    .where('voided_at', 'is', null);
  if (scope) unitQuery = unitQuery.where('code', 'in', unitsInScope(scope));
  const unit = await unitQuery.executeTakeFirst();
  if (!unit) return undefined;
  const area = await db.selectFrom('areas').select('name').where('code', '=', unit.area_code).executeTakeFirst();
  const covers = await db
    .selectFrom('unit_covers as c')
    .leftJoin('areas as a', 'a.code', 'c.area_code')
    .select(['c.area_code as code', 'a.name'])
    .where('c.unit_code', '=', code)
    .orderBy('c.area_code')
    .execute();
  const officers = await db
    .selectFrom('officers')
    .select(['badge', 'name', 'role', 'start_date', 'end_date', 'origin', 'phone'])
    .where('unit_code', '=', code)
    .where(postedOn('officers', day))
    .orderBy('role')
    .orderBy('badge')
    .execute();
  const kit = await sql<{ item: string; quantity: number; as_of: string }>`
    select e.item, e.quantity, e.as_of from equipment e
    join (select item, max(as_of) as as_of from equipment where unit_code = ${code} and as_of <= ${day} and voided_at is null group by item) l
      on l.item = e.item and l.as_of = e.as_of
    where e.unit_code = ${code} and e.voided_at is null order by e.item`.execute(db);
  const inspections = await db
    .selectFrom('inspections')
    .select(['date', ...ASPECTS])
    .where('unit_code', '=', code)
    .where('voided_at', 'is', null)
    .orderBy('date', 'desc')
    .execute();
  const patrols = await db
    .selectFrom('patrols')
    .select(['code', 'name', 'unit_code', 'kind', 'members'])
    .where('unit_code', '=', code)
    .where('voided_at', 'is', null)
    .orderBy('code')
    .execute();
  const held = new Set(kit.rows.filter((r) => Number(r.quantity) >= 1).map((r) => r.item));
  return {
    ...unit,
    date: day,
    open: isOpenOn(unit, day),
    area_name: area?.name ?? null,
    covered_areas: covers.map((c) => ({ code: c.code, name: c.name ?? null })),
    officers,
    equipment: kit.rows.map((r) => ({
      ...r,
      quantity: Number(r.quantity),
      standard: (STANDARD_KIT as readonly string[]).includes(r.item),
    })),
    missing_kit: STANDARD_KIT.filter((item) => !held.has(item)),
    inspections,
    patrols: patrols.map((p) => ({ ...p, members: Number(p.members) })),
  };
}

/** Patrol teams at the units the scope reaches, by unit, area subtree or kind: one page. */
export async function findPatrols(
  db: Kysely<DB>,
  f: { unit?: string; area?: string; kind?: string; limit: number; offset: number },
  scope: Scope | null,
) {
  let query = db
    .selectFrom('patrols as p')
    .innerJoin('units as u', 'u.code', 'p.unit_code')
    .where('p.voided_at', 'is', null);
  if (scope) query = query.where('p.unit_code', 'in', unitsInScope(scope));
  if (f.unit) query = query.where('p.unit_code', '=', f.unit);
  if (f.kind) query = query.where('p.kind', '=', f.kind);
  if (f.area) {
    const area = f.area;
    query = query.where('u.area_code', 'in', () => sql`(${subtree(area)} select code from sub)` as never);
  }
  const { items, total } = await paged(
    query,
    (q) => q.select(['p.code', 'p.name', 'p.unit_code', 'p.kind', 'p.members']).orderBy('p.code'),
    f,
  );
  return { items: items.map((p) => ({ ...p, members: Number(p.members) })), total };
}
