import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTable, readDivisions, readTable, ROOT } from '../tools/boundaries/match-table.ts';
import { boundaryShapes } from '../src/modules/maps/boundaries.store.ts';
import { boxOf, contains, type Shape } from '../src/modules/maps/domain/geometry.ts';
import { Random } from '../src/modules/demo/random.ts';

const table = readTable();
const divisions = readDivisions();
const counties = divisions.filter((d) => d.level === 'county');
const shapes = boundaryShapes();

function collection(file: string): { properties: { code: string; name: string } }[] {
  return JSON.parse(fs.readFileSync(`${ROOT}data/boundaries/${file}`, 'utf8')).features;
}

/** A point drawn uniformly inside a shape (rejection in its box). */
function inside(shape: Shape, rng: Random): [number, number] {
  const [w, s, e, n] = boxOf(shape);
  for (;;) {
    const p: [number, number] = [w + rng.next() * (e - w), s + rng.next() * (n - s)];
    if (contains(shape, p)) return p;
  }
}

describe('the county table (data/boundaries/jilin-counties.csv)', () => {
  it('matches every county of the 2023 divisions exactly once, each with its 2023 name and city', () => {
    expect(checkTable(table, divisions)).toEqual([]);
    expect(table.map((r) => r.code).sort()).toEqual(counties.map((c) => c.code).sort());
    expect(table.filter((r) => r.source_file)).toHaveLength(60);
    const zones = table.filter((r) => !r.source_file);
    expect(zones).toHaveLength(9);
    for (const z of zones) expect(z.name).toMatch(/开发区|食品区/);
  });

  it('fails a county left out, a county listed twice and a source feature drawn twice', () => {
    const [first, second, ...rest] = table;
    expect(checkTable([second, ...rest], divisions)).toEqual([
      `jilin-counties.csv: county ${first.code} (${first.name}) is missing`,
    ]);
    expect(checkTable([first, { ...first, line: 99 }, second, ...rest], divisions)).toEqual([
      `jilin-counties.csv:99: ${first.code} is listed twice (line 2)`,
      `jilin-counties.csv:99: ${first.source_file}/${first.source_name} is drawn for line 2 already`,
    ]);
    expect(checkTable([first, { ...second, source_name: first.source_name }, ...rest], divisions)).toEqual([
      `jilin-counties.csv:3: ${first.source_file}/${first.source_name} is drawn for line 2 already`,
    ]);
    expect(checkTable([{ ...first, city_code: '220300000000' }, second, ...rest], divisions)[0]).toMatch(
      /lies under 220100000000 in 2023/,
    );
  });

  it('puts 公主岭市 under 长春市, as the 2023 divisions do, though the source draws it with 四平市', () => {
    const row = table.find((r) => r.name === '公主岭市')!;
    expect(row.city_code).toBe('220100000000');
    expect(row.source_file).toBe('ji2_lin2_si4_ping2.geojson');
  });
});

describe('the shapes (data/boundaries/*.geojson)', () => {
  it('hold one shape per matched county, per city and for the province, under the 2023 codes and names', () => {
    const names = new Map(divisions.map((d) => [d.code, d.name]));
    const drawn = collection('jilin-2023-counties.geojson').map((f) => f.properties.code);
    expect(drawn.sort()).toEqual(
      table
        .filter((r) => r.source_file)
        .map((r) => r.code)
        .sort(),
    );
    const cities = collection('jilin-2023-cities.geojson').map((f) => f.properties.code);
    expect(cities.sort()).toEqual(
      divisions
        .filter((d) => d.level === 'city')
        .map((d) => d.code)
        .sort(),
    );
    expect(collection('jilin-2023-province.geojson').map((f) => f.properties.code)).toEqual(['220000000000']);
    expect(shapes.size).toBe(60 + 9 + 1);
    for (const s of shapes.values()) expect(s.name).toBe(names.get(s.code));
  });

  it('keeps every ring closed and inside Jilin', () => {
    for (const { code, shape } of shapes.values()) {
      expect(shape.length, code).toBeGreaterThan(0);
      for (const polygon of shape)
        for (const ring of polygon) {
          expect(ring.length, code).toBeGreaterThanOrEqual(4);
          expect(ring[0], code).toEqual(ring[ring.length - 1]);
          for (const [x, y] of ring) {
            expect(x).toBeGreaterThan(121.5);
            expect(x).toBeLessThan(131.5);
            expect(y).toBeGreaterThan(40.8);
            expect(y).toBeLessThan(46.4);
          }
        }
    }
  });

  it('draws each city as the union of its 2023 counties: 公主岭 inside 长春市, outside 四平市', () => {
    const rng = new Random(21);
    const cityOf = new Map(table.map((r) => [r.code, r.city_code]));
    const inCities = divisions.filter((d) => d.level === 'city').map((d) => shapes.get(d.code)!);
    for (const row of table.filter((r) => r.source_file)) {
      const county = shapes.get(row.code)!.shape;
      // Points well inside a county (not within ~2 km of its border) are in its own city alone.
      let checked = 0;
      for (let i = 0; i < 400 && checked < 5; i++) {
        const p = inside(county, rng);
        const near = [-0.02, 0.02].some(
          (d) => !contains(county, [p[0] + d, p[1]]) || !contains(county, [p[0], p[1] + d]),
        );
        if (near) continue;
        checked++;
        expect(
          inCities.filter((c) => contains(c.shape, p)).map((c) => c.code),
          row.name,
        ).toEqual([cityOf.get(row.code)]);
        expect(contains(shapes.get('220000000000')!.shape, p), row.name).toBe(true);
      }
      expect(checked, row.name).toBeGreaterThan(0);
    }
  });
});
