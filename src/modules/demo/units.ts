/**
 * Units of the demo: a bureau per county, a station per township, and the police rooms, placed so
 * that exactly the summary's number is open on the year's last day, leading cities covering more.
 */
import { LAST_DAY, dayOf } from './calendar.ts';
import { clamp, isOpenOn } from './model.ts';
import type { AreaIndex, City, Township, Unit, UnitStatus, UnitType, Village } from './model.ts';
import { bureauName, landline, roomName, stationName } from './names.ts';
import type { Random } from './random.ts';

export interface UnitSet {
  /** Bureaus, then stations, then rooms, in a stable order. */
  units: Unit[];
  stations: Unit[];
  rooms: Unit[];
}

type RoomType = Extract<UnitType, 'community_room' | 'rural_office'>;

export interface RoomTargets {
  community_room: number;
  rural_office: number;
}

/** All units of the province; `targets` are the rooms of each type open on the year's last day. */
export function buildUnits(areas: AreaIndex, rng: Random, targets: RoomTargets): UnitSet {
  const bureaus: Unit[] = areas.counties.map((county) => ({
    ...blank(county.city),
    code: `B${county.code}`,
    name: bureauName(county.name),
    type: 'bureau',
    areaCode: county.code,
    county,
    city: county.city,
    quality: county.quality,
    status: 'open',
    opened: rng.int(dayOf(1983, 1, 1), dayOf(2002, 12, 31)),
    phone: landline(rng, county.city.dialCode),
  }));
  const stationOf = new Map<Township, Unit>();
  const stations: Unit[] = areas.townships.map((township) => {
    const station: Unit = {
      ...blank(township.city),
      code: `S${township.code}`,
      name: stationName(township.name),
      type: 'station',
      areaCode: township.code,
      township,
      county: township.county,
      city: township.city,
      quality: township.quality,
      status: 'open',
      opened: rng.int(dayOf(1995, 1, 1), dayOf(2015, 12, 31)),
      phone: landline(rng, township.city.dialCode),
      hours: '全天24小时',
    };
    stationOf.set(township, station);
    return station;
  });
  const rooms = [
    ...placeRooms(
      'community_room',
      areas.villages.filter((v) => v.urban),
      targets.community_room,
      rng,
      stationOf,
    ),
    ...placeRooms(
      'rural_office',
      areas.villages.filter((v) => !v.urban),
      targets.rural_office,
      rng,
      stationOf,
    ),
  ];
  rooms.sort((a, b) => roomOrder(a) - roomOrder(b));
  const seq = new Map<Township, number>();
  for (const room of rooms) {
    const township = room.township as Township;
    const n = (seq.get(township) ?? 0) + 1;
    seq.set(township, n);
    room.code = `R${township.code}${String(n).padStart(3, '0')}`;
  }
  return { units: [...bureaus, ...stations, ...rooms], stations, rooms };
}

function roomOrder(room: Unit): number {
  return (
    (room.township as Township).index * 1e6 +
    (room.type === 'community_room' ? 0 : 5e5) +
    room.covers[0].index * 4 +
    statusRank(room.status)
  );
}

function statusRank(status: UnitStatus): number {
  return status === 'closed' ? 0 : status === 'open' ? 1 : status === 'building' ? 2 : 3;
}

/**
 * Rooms of one type over the villages of the matching kind: `target` rooms open on the last day
 * (each anchored on a village, leading cities' villages likelier), extra villages covered where
 * a township has them to spare, then a few rooms planned or building and a few closed during 2019.
 */
function placeRooms(
  type: RoomType,
  villages: Village[],
  target: number,
  rng: Random,
  stationOf: Map<Township, Unit>,
): Unit[] {
  if (villages.length === 0 || target <= 0) return [];
  const community = type === 'community_room';
  const make = (
    covers: Village[],
    status: UnitStatus,
    opened: number | null,
    closed: number | null,
    suffix = '',
  ): Unit => {
    const township = covers[0].township;
    const live = opened !== null;
    return {
      ...blank(township.city),
      name: roomName(covers[0].name, suffix),
      type,
      areaCode: township.code,
      township,
      county: township.county,
      city: township.city,
      quality: township.quality,
      station: stationOf.get(township) ?? null,
      covers,
      status,
      opened,
      closed,
      phone: live ? landline(rng, township.city.dialCode) : '',
      hours: live ? hoursOf(community, township.quality, rng) : '',
    };
  };

  const anchors = rng.sample(
    villages.map((v) => (community ? 0.55 : 0.2) + v.quality),
    target,
  );
  while (anchors.length < target) anchors.push(anchors[anchors.length % villages.length] ?? 0);
  // Anchors are positions in `villages`, which is a subset of all villages: compare by object.
  const anchored = new Set(anchors.map((i) => villages[i]));
  const pool = new Map<Township, Village[]>();
  for (const v of rng.shuffle(villages.filter((x) => !anchored.has(x)))) {
    const list = pool.get(v.township) ?? [];
    list.push(v);
    pool.set(v.township, list);
  }

  const open = anchors.map((i) => {
    const v = villages[i];
    const opened = rng.chance(0.32 - 0.27 * v.quality) ? rng.int(1, 340) : rng.int(dayOf(2012, 1, 1), -1);
    return make([v], 'open', opened, null);
  });
  for (const room of rng.shuffle([...open])) {
    const q = room.quality;
    const extra = community
      ? rng.chance(0.08 + 0.3 * q)
        ? rng.chance(0.3)
          ? 2
          : 1
        : 0
      : Math.min(3, rng.poisson(0.25 + 1.4 * q));
    const spare = pool.get(room.township as Township) ?? [];
    for (let k = 0; k < extra && spare.length > 0; k++) room.covers.push(spare.pop() as Village);
  }

  const left = [...pool.values()].flat().sort((a, b) => a.index - b.index);
  const future = rng.sample(
    left.map((v) => 1.25 - v.quality),
    Math.round(target * (community ? 0.05 : 0.06)),
  );
  const taken = new Set<Village>();
  const pending = future.flatMap((i) => {
    const v = left[i];
    if (taken.has(v)) return [];
    taken.add(v);
    const covers = [v];
    const spare = (pool.get(v.township) ?? []).filter((x) => !taken.has(x));
    if (spare.length > 0 && rng.chance(0.4)) {
      covers.push(spare[0]);
      taken.add(spare[0]);
    }
    return [make(covers, rng.chance(0.5) ? 'planned' : 'building', null, null)];
  });

  const closed: Unit[] = [];
  const replaced = new Set<Unit>();
  for (let i = 0; i < Math.round(target * 0.012); i++) {
    const successor = rng.pick(open);
    const opened = rng.int(dayOf(2009, 1, 1), dayOf(2017, 12, 31));
    if ((successor.opened as number) >= 20 && !replaced.has(successor)) {
      // Moved to new premises: the old room closes the day the new one opens, covering the same.
      replaced.add(successor);
      closed.push(make([...successor.covers], 'closed', opened, successor.opened, '（旧址）'));
    } else {
      const spare = (pool.get(successor.township as Township) ?? []).filter((x) => !taken.has(x));
      const covers = spare.length > 0 ? [spare[0]] : [successor.covers[0]];
      taken.add(covers[0]);
      closed.push(make(covers, 'closed', opened, rng.int(20, 340), spare.length > 0 ? '' : '（旧址）'));
    }
  }
  return [...open, ...pending, ...closed];
}

function hoursOf(community: boolean, quality: number, rng: Random): string {
  if (rng.chance(clamp(quality - 0.35, 0, 0.5))) return '全天24小时';
  return community
    ? rng.pick(['08:00-20:00', '08:30-17:30', '08:00-18:00'])
    : rng.pick(['周一至周五 08:30-16:30', '周一至周六 08:00-16:00']);
}

/** Rooms open on the year's last day. */
export function openRooms(rooms: Unit[]): Unit[] {
  return rooms.filter((room) => isOpenOn(room, LAST_DAY));
}

function blank(city: City): Unit {
  return {
    code: '',
    name: '',
    type: 'bureau',
    areaCode: '',
    township: null,
    county: null,
    city,
    quality: city.quality,
    station: null,
    covers: [],
    status: 'planned',
    opened: null,
    closed: null,
    phone: '',
    hours: '',
  };
}
