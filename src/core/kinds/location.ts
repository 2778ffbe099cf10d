/**
 * Where a unit is (optional columns of units.csv): an address, and a point as WGS 84 longitude
 * and latitude in decimal degrees, both or neither, inside China's bounding box.
 */
import { decimal, text, type ColumnDef, type Value } from './columns.ts';
import { problem, type RowProblem } from './kind.ts';

/** China's bounding box, its islands in the South China Sea included: [west, south, east, north]. */
export const CHINA_BOX = [73.4, 3.8, 135.1, 53.6] as const;

export const LOCATION_COLUMNS: ColumnDef[] = [
  text('address', '地址', '长春市南关区民康路88号', { optional: true, max: 200 }),
  decimal('longitude', '经度', '125.3245', { min: -180, max: 180, optional: true }),
  decimal('latitude', '纬度', '43.8868', { min: -90, max: 90, optional: true }),
];

function inChina(lon: number, lat: number): boolean {
  const [w, s, e, n] = CHINA_BOX;
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** A point is both coordinates or neither, and lies in China (a swapped pair is named as such). */
export function locationProblems(row: Record<string, Value>): RowProblem[] {
  if (row.longitude === null && row.latitude === null) return [];
  if (row.longitude === null) return [problem('longitude', 'longitude_missing', {})];
  if (row.latitude === null) return [problem('latitude', 'latitude_missing', {})];
  const [lon, lat] = [Number(row.longitude), Number(row.latitude)];
  if (inChina(lon, lat)) return [];
  const [w, s, e, n] = CHINA_BOX;
  return [
    problem(lon < w || lon > e ? 'longitude' : 'latitude', 'point_outside_china', {
      longitude: lon,
      latitude: lat,
      box: [w, s, e, n],
      swapped: inChina(lat, lon),
    }),
  ];
}
