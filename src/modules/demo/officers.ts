/**
 * Officers and their postings: exactly the summary's front-line officers posted on the year's last
 * day (some rooms left without any), with the moves of 2019 that make a year: rooms that open and
 * are staffed from their station, rooms that close and send their officers elsewhere, transfers
 * between rooms, recruits and leavers; plus station officers and civilian hires.
 */
import { LAST_DAY, dayOf } from './calendar.ts';
import { clamp } from './model.ts';
import type { Officer, Origin, Posting, Role, Unit } from './model.ts';
import { mobilePhone, personName } from './names.ts';
import type { Random } from './random.ts';
import { openRooms, type UnitSet } from './units.ts';

export interface OfficerTargets {
  community: number;
  resident: number;
  /** Multiplies the number of station officers and civilian hires. */
  scale: number;
}

interface Slot {
  room: Unit;
  role: Role;
  first: boolean;
  officer: Officer | null;
}

/** Every officer with its postings, badges given in city order. */
export function buildOfficers(set: UnitSet, rng: Random, targets: OfficerTargets): Officer[] {
  const officers: Officer[] = [];
  const hire = (origin: Origin, frontLine: boolean): Officer => {
    const officer: Officer = {
      badge: '',
      name: personName(rng),
      origin,
      phone: frontLine ? mobilePhone(rng) : '',
      postings: [],
    };
    officers.push(officer);
    return officer;
  };
  const post = (officer: Officer, role: Role, unit: Unit, start: number, end: number | null): void => {
    officer.postings.push({ officer, role, unit, start, end } satisfies Posting);
  };
  const origin = (): Origin => {
    const r = rng.next();
    return r < 0.62 ? 'existing' : r < 0.82 ? 'agency_transfer' : 'new_recruit';
  };

  const open = openRooms(set.rooms);
  const slots = [
    ...assignSlots(
      open.filter((r) => r.type === 'community_room'),
      'community',
      targets.community,
      rng,
    ),
    ...assignSlots(
      open.filter((r) => r.type === 'rural_office'),
      'resident',
      targets.resident,
      rng,
    ),
  ];

  // Officers of rooms closed during the year: most move to a room of their county that is open
  // on the closing day (first choice: the room that replaced theirs), the others leave.
  for (const closed of set.rooms.filter((r) => r.status === 'closed')) {
    const role: Role = closed.type === 'community_room' ? 'community' : 'resident';
    const closing = closed.closed as number;
    for (let k = rng.chance(0.4) ? 2 : 1; k > 0; k--) {
      const officer = hire(origin(), true);
      const start = rng.int(Math.max(closed.opened as number, dayOf(2010, 1, 1)), Math.min(closing - 60, -1));
      post(officer, role, closed, start, closing - 1);
      if (!rng.chance(0.75)) continue;
      const candidates = slots.filter(
        (s) =>
          s.officer === null &&
          s.role === role &&
          s.room.county === closed.county &&
          (s.room.opened as number) <= closing,
      );
      const slot =
        candidates.find((s) => s.room.township === closed.township && s.room.opened === closing) ?? candidates[0];
      if (!slot) continue;
      slot.officer = officer;
      post(officer, role, slot.room, closing, null);
    }
  }

  const settled = new Map<string, Unit[]>();
  for (const room of open) {
    if ((room.opened as number) >= 0) continue;
    const key = `${room.county?.code}|${room.type}`;
    settled.set(key, [...(settled.get(key) ?? []), room]);
  }
  for (const slot of slots) {
    if (slot.officer) continue;
    const room = slot.room;
    const opened = room.opened as number;
    if (opened >= 0) {
      // A room opened this year is staffed on its first day, often from its own station.
      const start = slot.first ? opened : Math.min(LAST_DAY, opened + rng.int(0, 45));
      const station = room.station;
      if (station && rng.chance(0.4)) {
        const officer = hire(rng.chance(0.5) ? 'existing' : 'agency_transfer', true);
        post(
          officer,
          'station',
          station,
          rng.int(Math.max(station.opened as number, dayOf(2006, 1, 1)), dayOf(2017, 12, 31)),
          start - 1,
        );
        post(officer, slot.role, room, start, null);
      } else {
        post(hire(rng.chance(0.55) ? 'new_recruit' : 'agency_transfer', true), slot.role, room, start, null);
      }
      continue;
    }
    const r = rng.next();
    const peers = (settled.get(`${room.county?.code}|${room.type}`) ?? []).filter((x) => x !== room);
    if (r < 0.07) {
      post(hire('new_recruit', true), slot.role, room, rng.int(1, 350), null);
    } else if (r < 0.14 && peers.length > 0) {
      const from = rng.pick(peers);
      const officer = hire(origin(), true);
      const move = rng.int(30, 340);
      post(officer, slot.role, from, rng.int(Math.max(from.opened as number, dayOf(2012, 1, 1)), -1), move - 1);
      post(officer, slot.role, room, move, null);
    } else {
      post(hire(origin(), true), slot.role, room, rng.int(Math.max(opened, dayOf(2008, 1, 1)), -1), null);
    }
  }

  // Leavers: front-line officers whose only posting ended during the year.
  const older = open.filter((room) => (room.opened as number) < 0);
  for (let i = Math.round((targets.community + targets.resident) * 0.02); i > 0 && older.length > 0; i--) {
    const room = rng.pick(older);
    const role: Role = room.type === 'community_room' ? 'community' : 'resident';
    post(
      hire(origin(), true),
      role,
      room,
      rng.int(Math.max(room.opened as number, dayOf(2008, 1, 1)), -1),
      rng.int(15, 340),
    );
  }

  for (const station of set.stations) {
    for (let k = rng.poisson(6 * targets.scale * (0.8 + 0.4 * station.quality)); k > 0; k--) {
      const r = rng.next();
      const kind: Origin = r < 0.85 ? 'existing' : r < 0.9 ? 'agency_transfer' : 'new_recruit';
      const opened = station.opened as number;
      const start =
        kind === 'new_recruit' && rng.chance(0.5) ? rng.int(1, 340) : rng.int(Math.max(opened, dayOf(1995, 1, 1)), -1);
      const end = start < 0 && rng.chance(0.03) ? rng.int(10, 350) : null;
      post(hire(kind, false), 'station', station, start, end);
    }
  }

  const hosts = [...set.stations, ...open];
  for (let i = Math.round((targets.community + targets.resident) * 0.1); i > 0; i--) {
    const unit = rng.chance(0.6) ? rng.pick(set.stations) : rng.pick(hosts);
    const from = Math.max(unit.opened as number, dayOf(2017, 1, 1));
    post(hire('civilian_hire', false), 'civilian', unit, rng.int(from, Math.max(from, 340)), null);
  }

  assignBadges(officers);
  return officers;
}

/**
 * Front-line posts on the last day: the staffed rooms (leading cities staff more of theirs) get
 * one each, the rest of `target` goes to them by weight. Exactly `target` slots whenever a room is open.
 */
function assignSlots(rooms: Unit[], role: Role, target: number, rng: Random): Slot[] {
  if (rooms.length === 0 || target <= 0) return [];
  let staffed = rooms.filter((room) => rng.chance(clamp(0.7 + 0.28 * room.quality, 0, 0.99)));
  if (staffed.length > target) staffed = rng.shuffle(staffed).slice(0, target);
  if (staffed.length === 0) staffed = [rooms[0]];
  const count = staffed.map(() => 1);
  const weights = staffed.map((room) => room.covers.length * (role === 'community' ? 0.6 : 0.3) + 0.4 + room.quality);
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  for (let rest = target - staffed.length; rest > 0; rest--) {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    count[lo]++;
  }
  return staffed.flatMap((room, i) =>
    Array.from({ length: count[i] }, (_, k): Slot => ({ room, role, first: k === 0, officer: null })),
  );
}

/** Badges of seven digits: the city's number, then a serial within the city. */
function assignBadges(officers: Officer[]): void {
  const first = (o: Officer): Posting => o.postings[0];
  officers.sort((a, b) => {
    const pa = first(a);
    const pb = first(b);
    return (
      pa.unit.city.index - pb.unit.city.index ||
      (pa.unit.code < pb.unit.code ? -1 : pa.unit.code > pb.unit.code ? 1 : 0) ||
      pa.start - pb.start
    );
  });
  const serial = new Map<number, number>();
  for (const officer of officers) {
    const city = first(officer).unit.city.index;
    const n = (serial.get(city) ?? 0) + 1;
    serial.set(city, n);
    officer.badge = `${city + 1}${String(n).padStart(6, '0')}`;
  }
}
