import type { Figures } from '#core/assessment/figures.ts';
import type { AreaNode } from './rollup.ts';
import { isOpenOn } from '#core/assessment/placement.ts';

/** A room covering a village, with the room's dates and its station (null: none among the units). */
export interface RoomCover {
  room: string;
  station: string | null;
  village: string;
  opened_on: string | null;
  closed_on: string | null;
}

/** Which units a village's records and people count for. */
export interface Reach {
  /** Each room covering `village` open on `day`, and those rooms' stations, once each. */
  on(village: string, day: string): string[];
  /** Every room covering `village`, and the stations of those open on `day` (a station's people are its open rooms'). */
  people(village: string, day: string): string[];
}

/**
 * The reach of rooms and stations over villages: a room reaches the villages it covers, a station
 * those of its rooms, each village once however many of its rooms cover it.
 *
 * @example reachOf([{ room: 'R1', station: 'S1', village: 'V1', opened_on: '2015-01-01', closed_on: null }]).on('V1', '2019-06-05') // ['R1', 'S1']
 */
export function reachOf(covers: readonly RoomCover[]): Reach {
  const byVillage = new Map<string, RoomCover[]>();
  for (const c of covers) {
    const list = byVillage.get(c.village);
    if (list) list.push(c);
    else byVillage.set(c.village, [c]);
  }
  const collect = (village: string, day: string, room: (c: RoomCover) => boolean) => {
    const out = new Set<string>();
    for (const c of byVillage.get(village) ?? []) {
      if (room(c)) out.add(c.room);
      if (c.station !== null && isOpenOn(c, day)) out.add(c.station);
    }
    return [...out];
  };
  return {
    on: (village, day) => collect(village, day, (c) => isOpenOn(c, day)),
    people: (village, day) => collect(village, day, () => true),
  };
}

/** A village's figures on a day (or, for people, at the end of a month). */
export interface VillageFigures {
  village: string;
  day: string;
  figures: Figures;
}

/**
 * Each unit's figures from villages' figures, placed by `how` (`on`: records on their day;
 * `people`: residents and households).
 */
export function placeByReach(
  reach: Reach,
  rows: readonly VillageFigures[],
  how: 'on' | 'people',
  into = new Map<string, Figures>(),
): Map<string, Figures> {
  for (const row of rows) {
    for (const unit of reach[how](row.village, row.day)) {
      let f = into.get(unit);
      if (!f) into.set(unit, (f = {}));
      for (const [name, x] of Object.entries(row.figures)) {
        const cur = f[name];
        if (cur) {
          cur.numerator += x.numerator;
          cur.denominator += x.denominator;
        } else f[name] = { numerator: x.numerator, denominator: x.denominator };
      }
    }
  }
  return into;
}

/** The unit tree: a room under its station (when the station is among the units), a station at the top. */
export function unitTree(units: readonly { code: string; station_code: string | null }[]): AreaNode[] {
  const codes = new Set(units.map((u) => u.code));
  return units.map((u) => ({
    code: u.code,
    parent_code: u.station_code !== null && codes.has(u.station_code) ? u.station_code : null,
  }));
}
