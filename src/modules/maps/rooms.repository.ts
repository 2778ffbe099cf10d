/** The rooms of an area's subtree with their points, for the map; within the scope. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';
import { unitsInScope, type Scope } from '../accounts/scope.ts';
import type { RoomPoint } from '#core/contracts/maps.schema.ts';
import { isOpenOn } from '#core/assessment/placement.ts';

export async function roomsWithin(
  db: Kysely<DB>,
  within: string,
  day: string,
  scope: Scope | null,
): Promise<RoomPoint[]> {
  let query = db
    .selectFrom('units')
    .select(['code', 'name', 'type', 'status', 'area_code', 'opened_on', 'closed_on', 'longitude', 'latitude'])
    .where('voided_at', 'is', null)
    .where('type', 'in', ['community_room', 'rural_office'])
    .where('area_code', 'in', () => sql`(${subtree(within)} select code from sub)` as never);
  if (scope) query = query.where('code', 'in', unitsInScope(scope));
  const rows = await query.orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type as RoomPoint['type'],
    status: r.status,
    open: isOpenOn(r, day),
    area_code: r.area_code,
    longitude: r.longitude === null ? null : Number(r.longitude),
    latitude: r.latitude === null ? null : Number(r.latitude),
  }));
}
