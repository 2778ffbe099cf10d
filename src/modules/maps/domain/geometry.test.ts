import { describe, expect, it } from 'vitest';
import { boxOf, contains, sketch, type Shape } from './geometry.ts';

const square = (w: number, s: number, size: number) => [
  [w, s],
  [w + size, s],
  [w + size, s + size],
  [w, s + size],
  [w, s],
];
/** A 4x4 square with a 2x2 hole, and a separate 1x1 island. */
const shape = [[square(0, 0, 4), square(1, 1, 2)], [square(10, 10, 1)]] as Shape;

describe('geometry', () => {
  it('finds a point inside a polygon, outside its hole, and inside a second polygon', () => {
    expect(contains(shape, [0.5, 0.5])).toBe(true);
    expect(contains(shape, [2, 2])).toBe(false);
    expect(contains(shape, [10.5, 10.5])).toBe(true);
    expect(contains(shape, [5, 5])).toBe(false);
    expect(contains(shape, [-1, 2])).toBe(false);
  });

  it('boxes the exterior rings', () => {
    expect(boxOf(shape)).toEqual([0, 0, 11, 11]);
  });

  it('sketches a shape north up in a box of the given width, with the point in it', () => {
    const one = [[square(0, 0, 1)]] as Shape;
    const s = sketch(one, [0.25, 0.75], 100);
    expect(s.width).toBe(100);
    expect(s.height).toBe(100);
    // 4 px of padding; x grows east, y grows south.
    expect(s.path).toBe('M4 96L96 96L96 4L4 4L4 96Z');
    expect(s.point).toEqual([27, 27]);
    expect(sketch(one, [3, 3], 100).point).toBeNull();
  });

  it('narrows a shape far north by the cosine of its latitude', () => {
    const north = [[square(120, 59.5, 1)]] as Shape;
    const s = sketch(north, null, 200);
    expect(s.height).toBe(200);
    expect(s.width).toBeLessThan(110);
    expect(s.width).toBeGreaterThan(100);
  });
});
