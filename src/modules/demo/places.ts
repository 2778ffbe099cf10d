/**
 * Where the demo's rooms are: each township gets a seat, a point drawn inside its county's shape
 * (data/boundaries; its city's where the county has none, as for development zones), and each of
 * its rooms a point a few kilometres around the seat, still inside that shape. Each township
 * draws from its own seeded stream, so that adding places changes no other generated row.
 */
import { boundaryShapes, type BoundaryShape } from '../maps/boundaries.store.ts';
import { boxOf, contains, type Point, type Shape } from '../maps/domain/geometry.ts';
import { placeName } from './names.ts';
import type { Township, Unit } from './model.ts';
import { Random, deriveSeed } from './random.ts';

export interface Place {
  address: string;
  longitude: number;
  latitude: number;
}

/** Rooms keep within about 3 km of their township's seat (one standard deviation, in degrees). */
const SPREAD = 0.025;
const TRIES = 60;

/** A place for every room whose county or city has a shape; the others have none. */
export function placeRooms(
  rooms: readonly Unit[],
  seed: number,
  shapes: Map<string, BoundaryShape> = boundaryShapes(),
): Map<Unit, Place> {
  const byTownship = new Map<Township, Unit[]>();
  for (const room of rooms) {
    const township = room.township as Township;
    const list = byTownship.get(township);
    if (list) list.push(room);
    else byTownship.set(township, [room]);
  }
  const places = new Map<Unit, Place>();
  for (const [township, list] of byTownship) {
    const shape = (shapes.get(township.county?.code ?? '') ?? shapes.get(township.city.code))?.shape;
    if (!shape) continue;
    const rng = new Random(deriveSeed(seed, 'places', township.code));
    const seat = pointIn(shape, rng);
    const prefix = `${township.city.name}${township.county?.name ?? ''}${township.name}`;
    for (const room of list) {
      const [longitude, latitude] = near(shape, seat, rng);
      places.set(room, { address: `${prefix}${placeName(room.covers[0].name)}`, longitude, latitude });
    }
  }
  return places;
}

/** A point drawn uniformly inside the shape (rejection in its box). */
export function pointIn(shape: Shape, rng: Random): Point {
  const [w, s, e, n] = boxOf(shape);
  for (;;) {
    const p: Point = [w + rng.next() * (e - w), s + rng.next() * (n - s)];
    if (contains(shape, p)) return p;
  }
}

/** A point around `seat` inside the shape, five decimals (about a metre); the seat if none falls in. */
function near(shape: Shape, seat: Point, rng: Random): Point {
  for (let i = 0; i < TRIES; i++) {
    const p: Point = [round(rng.normal(seat[0], SPREAD)), round(rng.normal(seat[1], SPREAD))];
    if (contains(shape, p)) return p;
  }
  return [round(seat[0]), round(seat[1])];
}

function round(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
