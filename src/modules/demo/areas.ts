/** The real areas of the demonstration province, indexed, with each city's progress and residents. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clamp } from './model.ts';
import type { AreaIndex, City, County, DemoRow, Township, Village } from './model.ts';
import { Random, deriveSeed } from './random.ts';

const AREA_COLUMNS = ['code', 'name', 'level', 'parent_code', 'urban_rural'] as const;
const JILIN_FILE = new URL('../../../data/divisions/22-jilin-2023.csv', import.meta.url);

/** The province-wide residents of the demo at scale 1 (Jilin had about 23.5 million). */
export const PROVINCE_RESIDENTS = 23_500_000;

// Public dialling codes of Jilin's cities; other provinces' cities get made-up ones.
const DIAL_CODES: Record<string, string> = {
  '220100000000': '0431',
  '220200000000': '0432',
  '220300000000': '0434',
  '220400000000': '0437',
  '220500000000': '0435',
  '220600000000': '0439',
  '220700000000': '0438',
  '220800000000': '0436',
  '222400000000': '0433',
};

/**
 * Jilin's 13,014 real areas (data/divisions/22-jilin-2023.csv) as `areas.csv` rows. The file has
 * no quoted fields, which is checked, so a plain split is exact.
 */
export function loadJilinAreas(): DemoRow[] {
  return parseAreasCsv(readFileSync(fileURLToPath(JILIN_FILE), 'utf8'), 'data/divisions/22-jilin-2023.csv');
}

/** Parses `areas.csv` text that has no quoted fields; `name` is used in error messages. */
export function parseAreasCsv(text: string, name: string): DemoRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== AREA_COLUMNS.join(',')) throw new Error(`${name}:1: unexpected header ${lines[0]}`);
  const rows: DemoRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (line.includes('"')) throw new Error(`${name}:${i + 1}: quoted field, a plain split would be wrong`);
    const cells = line.split(',');
    if (cells.length !== AREA_COLUMNS.length) throw new Error(`${name}:${i + 1}: ${cells.length} columns`);
    const row: DemoRow = {};
    AREA_COLUMNS.forEach((column, c) => (row[column] = cells[c]));
    rows.push(row);
  }
  return rows;
}

/**
 * Indexes areas rows: cities (each given a progress `quality` in a seeded order, from about 0.92
 * for the leader to 0.30 for the last), counties, townships and villages with generated residents.
 */
export function indexAreas(rows: DemoRow[], seed: number, scale: number): AreaIndex {
  const rng = new Random(deriveSeed(seed, 'areas'));
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const ancestor = (code: string, level: string): DemoRow | null => {
    let row = byCode.get(code);
    while (row) {
      if (row.level === level) return row;
      row = row.parent_code ? byCode.get(row.parent_code) : undefined;
    }
    return null;
  };

  const cityRows = rows.filter((r) => r.level === 'city').sort((a, b) => cmp(a.code, b.code));
  if (cityRows.length === 0) cityRows.push(...rows.filter((r) => r.level === 'province'));
  const order = rng.shuffle(cityRows.map((_, i) => i));
  // A stream of its own, so the form leaves every other generated figure as it was.
  const formRng = new Random(deriveSeed(seed, 'form'));
  const cities: City[] = cityRows.map((row, index) => ({
    index,
    code: row.code,
    name: row.name,
    quality: cityRows.length === 1 ? 0.7 : 0.92 - (0.62 * order[index]) / (cityRows.length - 1),
    form: monthlyForm(formRng),
    dialCode: DIAL_CODES[row.code] ?? `0${500 + index}`,
  }));
  const cityByCode = new Map(cities.map((c) => [c.code, c]));
  const cityOf = (code: string): City =>
    cityByCode.get((ancestor(code, 'city') ?? ancestor(code, 'province'))?.code ?? '') ?? cities[0];

  const counties: County[] = rows
    .filter((r) => r.level === 'county')
    .map((row, index) => {
      const city = cityOf(row.code);
      return {
        index,
        code: row.code,
        name: row.name,
        city,
        quality: clamp(rng.normal(city.quality, 0.05), 0.15, 0.97),
      };
    });
  const countyByCode = new Map(counties.map((c) => [c.code, c]));

  const townships: Township[] = rows
    .filter((r) => r.level === 'township')
    .map((row, index) => {
      const county = countyByCode.get(ancestor(row.code, 'county')?.code ?? '') ?? null;
      const city = county?.city ?? cityOf(row.code);
      const quality = county?.quality ?? city.quality;
      return { index, code: row.code, name: row.name, county, city, quality, urban: [], rural: [] };
    });
  const townshipByCode = new Map(townships.map((t) => [t.code, t]));

  const villages: Village[] = [];
  const raw: number[] = [];
  for (const row of rows) {
    if (row.level !== 'village') continue;
    const township = townshipByCode.get(ancestor(row.code, 'township')?.code ?? '');
    if (!township) continue; // a village outside any township cannot be served by a room
    const urban = row.urban_rural === 'urban' || /^1\d\d$/.test(row.urban_rural);
    const village: Village = {
      index: villages.length,
      code: row.code,
      name: row.name,
      urban,
      township,
      quality: township.quality,
      residents: 0,
      households: 0,
    };
    villages.push(village);
    (urban ? township.urban : township.rural).push(village);
    raw.push(Math.exp(rng.normal(urban ? 8.35 : 6.95, 0.45)));
  }
  const total = raw.reduce((a, b) => a + b, 0);
  const factor = total > 0 ? (PROVINCE_RESIDENTS * scale) / total : 0;
  for (const village of villages) {
    village.residents = Math.max(1, Math.round(raw[village.index] * factor));
    village.households = Math.max(1, Math.round(village.residents / rng.normal(village.urban ? 2.6 : 2.9, 0.1)));
  }
  return { rows, cities, counties, townships, villages };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Twelve monthly offsets: a random walk pulled back towards 0 (sd about 0.07 once settled), about
 * the gap between neighbouring cities' qualities, so the ranking moves without losing its order.
 */
function monthlyForm(rng: Random): number[] {
  const form: number[] = [];
  let f = rng.normal(0, 0.05);
  for (let m = 0; m < 12; m++) {
    form.push(f);
    f = 0.6 * f + rng.normal(0, 0.055);
  }
  return form;
}
