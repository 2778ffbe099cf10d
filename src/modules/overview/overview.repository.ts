import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtree } from '../areas/subtree.ts';
import { postedOn, unitOpenOn } from '../../db/predicates.ts';
import type { Overview } from '#core/contracts/overview.schema.ts';

/** SPEC §4 overview: open units, postings containing the day, teams of open units, in the subtree. */
export async function overviewOf(db: Kysely<DB>, area: string, day: string): Promise<Overview> {
  const units = await sql<{ type: string; n: number }>`${subtree(area)}
    select u.type, count(*) as n from units u
    where u.area_code in (select code from sub) and ${unitOpenOn('u', day)} group by u.type`.execute(db);
  const officers = await sql<{ role: string; origin: string; n: number }>`${subtree(area)}
    select o.role, o.origin, count(*) as n from officers o
    join units u on u.code = o.unit_code and u.voided_at is null
    where u.area_code in (select code from sub)
      and ${postedOn('o', day)}
    group by o.role, o.origin`.execute(db);
  const patrols = await sql<{ kind: string; teams: number; members: number }>`${subtree(area)}
    select p.kind, count(*) as teams, sum(p.members) as members from patrols p
    join units u on u.code = p.unit_code
    where u.area_code in (select code from sub) and ${unitOpenOn('u', day)} and p.voided_at is null
    group by p.kind`.execute(db);

  const result: Overview = {
    area,
    date: day,
    units: { bureau: 0, station: 0, community_room: 0, rural_office: 0 },
    officers: { community: 0, resident: 0, station: 0, civilian: 0 },
    patrols: { full_time: { teams: 0, members: 0 }, volunteer: { teams: 0, members: 0 } },
    origins: { existing: 0, agency_transfer: 0, new_recruit: 0, civilian_hire: 0 },
  };
  for (const r of units.rows) if (r.type in result.units) result.units[r.type as keyof Overview['units']] = Number(r.n);
  for (const r of officers.rows) {
    if (r.role in result.officers) result.officers[r.role as keyof Overview['officers']] += Number(r.n);
    if (r.origin in result.origins) result.origins[r.origin as keyof Overview['origins']] += Number(r.n);
  }
  for (const r of patrols.rows)
    if (r.kind in result.patrols)
      result.patrols[r.kind as keyof Overview['patrols']] = { teams: Number(r.teams), members: Number(r.members ?? 0) };
  return result;
}
