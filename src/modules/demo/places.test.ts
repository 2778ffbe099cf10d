import { describe, expect, it } from 'vitest';
import { boundaryShapes } from '../maps/boundaries.store.ts';
import { contains } from '../maps/domain/geometry.ts';
import { demoSources, loadJilinAreas, type DemoRow } from './generate.ts';

const areas = loadJilinAreas();
const parent = new Map(areas.map((a) => [a.code, a.parent_code]));
const shapes = boundaryShapes();

/** The shape a room's point must fall in: its county's, or its city's where the county has none. */
function shapeOfTownship(township: string) {
  const county = parent.get(township) ?? '';
  return shapes.get(county) ?? shapes.get(parent.get(county) ?? '');
}

const rooms = (seed: number, scale: number): DemoRow[] =>
  [...demoSources(areas, { seed, scale })[2].rows()].filter(
    (u) => u.type === 'community_room' || u.type === 'rural_office',
  );

describe('the demonstration rooms’ places', () => {
  it('puts every room at scale 1 inside its county (its city for a development zone), with an address', () => {
    const all = rooms(1, 1);
    expect(all.length).toBeGreaterThan(6000);
    let inZones = 0;
    for (const room of all) {
      const county = parent.get(room.area_code)!;
      if (!shapes.has(county)) inZones++;
      const shape = shapeOfTownship(room.area_code)!;
      const point: [number, number] = [Number(room.longitude), Number(room.latitude)];
      expect(contains(shape.shape, point), `${room.code} at ${point}`).toBe(true);
      expect(room.address).toMatch(/^(.+市|.+州).+(街道|镇|乡|区)?.+$/);
      expect(room.longitude).toMatch(/^\d{3}\.\d{1,5}$/);
    }
    expect(inZones).toBeGreaterThan(0);
  });

  it('draws the same places for the same seed and others for another, rooms of a township near each other', () => {
    const a = rooms(7, 0.05);
    expect(rooms(7, 0.05)).toEqual(a);
    const b = rooms(8, 0.05);
    expect(b.map((r) => r.longitude)).not.toEqual(a.map((r) => r.longitude));
    const byTownship = new Map<string, DemoRow[]>();
    for (const r of rooms(1, 1)) byTownship.set(r.area_code, [...(byTownship.get(r.area_code) ?? []), r]);
    let far = 0;
    let pairs = 0;
    for (const list of byTownship.values())
      for (let i = 1; i < list.length; i++) {
        pairs++;
        const d = Math.hypot(
          Number(list[i].longitude) - Number(list[0].longitude),
          Number(list[i].latitude) - Number(list[0].latitude),
        );
        if (d > 0.25) far++;
      }
    // About 3 km around a seat: rooms of one township are rarely 25 km apart.
    expect(far / pairs).toBeLessThan(0.01);
  });
});
