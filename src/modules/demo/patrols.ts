/**
 * Patrol teams: exactly the summary's full-time teams on units open on the year's last day, with
 * at least its number of members, plus group-defence volunteer teams and a few teams of rooms not
 * open then (which the overview does not count).
 */
import { LAST_DAY } from './calendar.ts';
import { isOpenOn, isRoom } from './model.ts';
import type { Patrol, Unit } from './model.ts';
import type { Random } from './random.ts';
import type { UnitSet } from './units.ts';

export interface PatrolTargets {
  fullTimeTeams: number;
  fullTimeMembers: number;
  volunteerTeams: number;
}

/** Every patrol team, in unit order. */
export function buildPatrols(set: UnitSet, rng: Random, targets: PatrolTargets): Patrol[] {
  const openRooms = set.rooms.filter((room) => isOpenOn(room, LAST_DAY));
  const stations = set.stations.filter((station) => isOpenOn(station, LAST_DAY));
  const teams = new Map<Unit, Patrol[]>();
  const add = (unit: Unit, kind: Patrol['kind'], members: number): Patrol => {
    const list = teams.get(unit) ?? [];
    teams.set(unit, list);
    const n = list.length + 1;
    const label = kind === 'full_time' ? '巡防队' : '群防群治队';
    const patrol: Patrol = {
      code: `P${unit.code}-${String(n).padStart(2, '0')}`,
      name: `${unit.name}${n > 1 ? `第${n}` : ''}${label}`,
      unit,
      kind,
      members,
    };
    list.push(patrol);
    return patrol;
  };

  const fullHosts = [...openRooms, ...stations];
  const fullWeights = fullHosts.map((u) =>
    u.type === 'station' ? 0.25 + 0.3 * u.quality : (u.type === 'community_room' ? 0.9 : 0.5) + u.quality,
  );
  const fullTime: Patrol[] = [];
  for (let i = 0; i < targets.fullTimeTeams && fullHosts.length > 0; i++) {
    const unit = fullHosts[rng.weighted(fullWeights)];
    fullTime.push(add(unit, 'full_time', 6 + rng.int(0, 4) + (rng.chance(unit.quality) ? rng.int(0, 2) : 0)));
  }
  let members = fullTime.reduce((sum, p) => sum + p.members, 0);
  const ceiling = fullTime.length * 14;
  while (members < Math.min(targets.fullTimeMembers, ceiling)) {
    const patrol = rng.pick(fullTime);
    if (patrol.members >= 14) continue;
    patrol.members++;
    members++;
  }

  const notOpen = set.rooms.filter(
    (room) => !isOpenOn(room, LAST_DAY) && (room.status === 'building' || room.status === 'closed'),
  );
  for (let i = Math.round(targets.fullTimeTeams * 0.01); i > 0 && notOpen.length > 0; i--)
    add(rng.pick(notOpen), 'full_time', rng.int(5, 9));

  const volunteerHosts = [...openRooms.filter((room) => room.type === 'rural_office'), ...stations];
  const volunteerWeights = volunteerHosts.map((u) => (isRoom(u) ? 0.3 : 0.2) + u.quality);
  for (let i = 0; i < targets.volunteerTeams && volunteerHosts.length > 0; i++) {
    add(volunteerHosts[rng.weighted(volunteerWeights)], 'volunteer', rng.int(10, 40));
  }

  const order = new Map(set.units.map((unit, i) => [unit, i]));
  return [...teams.entries()]
    .sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))
    .flatMap(([, list]) => list);
}
