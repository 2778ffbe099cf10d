import { describe, expect, it } from 'vitest';
import { placeByReach, reachOf, type RoomCover } from './unit-reach.ts';

const cover = (
  room: string,
  village: string,
  opened_on: string | null,
  closed_on: string | null = null,
  station: string | null = 'S1',
): RoomCover => ({ room, station, village, opened_on, closed_on });

describe('the reach of rooms and stations', () => {
  const reach = reachOf([
    cover('R1', 'V1', '2015-01-01'),
    cover('R2', 'V1', '2015-01-01', '2019-06-10'),
    cover('R2', 'V2', '2015-01-01', '2019-06-10'),
    cover('R3', 'V3', '2019-06-20', null, null),
  ]);

  it('reaches a village through each room open on the day, and the station once', () => {
    expect(reach.on('V1', '2019-06-05').sort()).toEqual(['R1', 'R2', 'S1']);
    expect(reach.on('V1', '2019-06-10').sort()).toEqual(['R1', 'S1']);
    expect(reach.on('V2', '2019-06-15')).toEqual([]);
    expect(reach.on('V3', '2019-06-19')).toEqual([]);
    expect(reach.on('V3', '2019-06-20')).toEqual(['R3']);
    expect(reach.on('V9', '2019-06-20')).toEqual([]);
  });

  it('counts people for every covering room, and for a station through its open rooms', () => {
    expect(reach.people('V2', '2019-06-30')).toEqual(['R2']);
    expect(reach.people('V1', '2019-06-30').sort()).toEqual(['R1', 'R2', 'S1']);
  });

  it('adds villages’ figures into each unit reached, a village once per unit', () => {
    const rows = [
      { village: 'V1', day: '2019-06-05', figures: { a: { numerator: 2, denominator: 3 } } },
      { village: 'V2', day: '2019-06-05', figures: { a: { numerator: 1, denominator: 1 } } },
    ];
    const placed = placeByReach(reach, rows, 'on');
    expect(placed.get('S1')).toEqual({ a: { numerator: 3, denominator: 4 } });
    expect(placed.get('R2')).toEqual({ a: { numerator: 3, denominator: 4 } });
    expect(placed.get('R1')).toEqual({ a: { numerator: 2, denominator: 3 } });
    expect(rows[0].figures.a).toEqual({ numerator: 2, denominator: 3 });
  });
});
