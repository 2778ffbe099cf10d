/**
 * Plane geometry on longitude/latitude shapes: enough for a point-in-county test, a bounding box
 * and a small outline drawn as SVG. Pure functions over GeoJSON coordinates.
 *
 * @example
 *   contains(shape, [125.32, 43.88]); // true inside 长春市's shape
 */

/** [longitude, latitude] */
export type Point = [number, number];
/** A GeoJSON MultiPolygon's coordinates: polygons, each an exterior ring and its holes. */
export type Shape = Point[][][];
/** [west, south, east, north] */
export type Box = [number, number, number, number];

/**
 * Whether `p` lies inside the shape (even-odd over every ring, so holes are outside). A point
 * exactly on a border may go either way.
 */
export function contains(shape: Shape, [x, y]: Point): boolean {
  let inside = false;
  for (const polygon of shape)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}

export function boxOf(shape: Shape): Box {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of shape)
    for (const [x, y] of polygon[0]) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

/** A small drawing: an SVG path of the shape and where a point falls, its longer side `size`. */
export interface Sketch {
  width: number;
  height: number;
  /** SVG path data of every ring (draw with fill-rule evenodd). */
  path: string;
  /** The point in the drawing's coordinates, or null when it lies outside the shape's box. */
  point: [number, number] | null;
}

/**
 * The shape drawn with its longer side `size` long (the other follows the shape), an equirectangular
 * projection corrected for latitude (cos of the middle latitude), north up, one decimal.
 */
export function sketch(shape: Shape, point: Point | null, size: number): Sketch {
  const [w, s, e, n] = boxOf(shape);
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = (e - w) * k;
  const spanY = n - s;
  const pad = size * 0.04;
  const scale = (size - 2 * pad) / Math.max(spanX, spanY, 1e-9);
  const width = Math.round(spanX * scale + 2 * pad);
  const height = Math.round(spanY * scale + 2 * pad);
  const at = ([x, y]: Point): [number, number] => [
    Math.round(((x - w) * k * scale + pad) * 10) / 10,
    Math.round(((n - y) * scale + pad) * 10) / 10,
  ];
  const path = shape
    .flatMap((polygon) =>
      polygon.map((ring) => {
        const parts: string[] = [];
        let last = '';
        for (const p of ring) {
          const [x, y] = at(p);
          const cmd = `${x} ${y}`;
          if (cmd !== last) parts.push(cmd);
          last = cmd;
        }
        return `M${parts.join('L')}Z`;
      }),
    )
    .join('');
  const inBox = point && point[0] >= w && point[0] <= e && point[1] >= s && point[1] <= n;
  return { width, height, path, point: inBox ? at(point) : null };
}
