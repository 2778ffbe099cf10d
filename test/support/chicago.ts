/**
 * Chicago's 2022 crimes as an Outpost import folder: a real, messy quarter of a million rows for
 * the import path and the crime-rate indicator (data/chicago/README.md gives the provenance).
 *
 * The city is shaped to SPEC §1's tree, which places incidents on village-level areas: a
 * province `CHI`, the city `CHI-C`, each of the 77 community areas a township directly under the
 * city (a skipped level) holding one urban village-level area of the same name. Population joins
 * community areas by upper-cased name (75 of 77 join; the other two get none); the source gives
 * no households, so they are 0, and no year, so the figures are filed under 2020 (Census).
 *
 * @example
 * const chicago = await writeChicagoImport(fs.mkdtempSync('/tmp/chicago-'));
 * await importSources(db, await sourcesFromPaths([chicago.dir]), options);
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { openTable } from '../../src/modules/imports/reader/index.ts';
import { DATA } from './province-51.ts';

export const CHICAGO_DATA = `${DATA}chicago`;
export const CITY = 'CHI-C';
export const POPULATION_YEAR = 2020;

/** Primary types filed as public-order cases (治安案件); every other type is criminal. */
export const PUBLIC_ORDER_TYPES = new Set([
  'PUBLIC PEACE VIOLATION',
  'LIQUOR LAW VIOLATION',
  'GAMBLING',
  'PUBLIC INDECENCY',
  'OBSCENITY',
  'PROSTITUTION',
  'INTERFERENCE WITH PUBLIC OFFICER',
  'CONCEALED CARRY LICENSE VIOLATION',
  'NON-CRIMINAL',
]);

export interface ChicagoImport {
  dir: string;
  areas: number;
  /** Community areas with a population row, and their residents. */
  populated: number;
  residents: number;
  /** Community areas whose name found no population. */
  unpopulated: string[];
  /** Crimes written as incidents, by category. */
  incidents: { criminal: number; public_order: number };
  /** Crimes dropped for want of a community area (or a date) that can be placed. */
  dropped: number;
}

export function villageOf(communityArea: number): string {
  return `${CITY}-${String(communityArea).padStart(2, '0')}-V`;
}

/** Writes areas.csv, population.csv and incidents.csv into dir. */
export async function writeChicagoImport(dir: string): Promise<ChicagoImport> {
  const communities = await communityAreas();
  const areas = [
    'code,name,level,parent_code,urban_rural',
    'CHI,Chicago,province,,',
    `${CITY},City of Chicago,city,CHI,`,
  ];
  for (const [number, name] of communities) {
    const township = `${CITY}-${String(number).padStart(2, '0')}`;
    areas.push(
      `${township},${csvCell(name)},township,${CITY},`,
      `${villageOf(number)},${csvCell(name)},village,${township},urban`,
    );
  }
  fs.writeFileSync(path.join(dir, 'areas.csv'), `${areas.join('\n')}\n`);

  const residents = await populationByName();
  const population = ['area_code,year,residents,households'];
  const unpopulated: string[] = [];
  let total = 0;
  for (const [number, name] of communities) {
    const pop = residents.get(name.toUpperCase());
    if (pop === undefined) unpopulated.push(name);
    else {
      population.push(`${villageOf(number)},${POPULATION_YEAR},${pop},0`);
      total += pop;
    }
  }
  fs.writeFileSync(path.join(dir, 'population.csv'), `${population.join('\n')}\n`);

  const incidents = { criminal: 0, public_order: 0 };
  let dropped = 0;
  const out = fs.createWriteStream(path.join(dir, 'incidents.csv'));
  const crimes = await openTable(`${CHICAGO_DATA}/crimes-2022-slim.csv.gz`);
  const at = columnsOf(crimes.header, ['Date', 'Primary Type', 'Community Area']);
  let chunk = 'ref,date,area_code,category\n';
  for await (const { line, cells } of crimes.rows) {
    const date = /^(\d{4}-\d\d-\d\d)[ T]/.exec(cells[at['Date']])?.[1];
    const community = Number(cells[at['Community Area']] || NaN);
    if (!date || !communities.has(community)) {
      dropped++;
      continue;
    }
    const category = PUBLIC_ORDER_TYPES.has(cells[at['Primary Type']].trim()) ? 'public_order' : 'criminal';
    incidents[category]++;
    chunk += `CHI22-${line},${date},${villageOf(community)},${category}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(chunk, () => resolve());
  });
  return {
    dir,
    areas: areas.length - 1,
    populated: population.length - 1,
    residents: total,
    unpopulated,
    incidents,
    dropped,
  };
}

/** The 77 community areas by number (the source's row 0 has no name and is skipped). */
async function communityAreas(): Promise<Map<number, string>> {
  const table = await openTable(`${CHICAGO_DATA}/community-areas.csv`);
  const at = columnsOf(table.header, ['CommunityArea', 'CommunityName']);
  const out = new Map<number, string>();
  for await (const { cells } of table.rows) {
    const name = cells[at['CommunityName']]?.trim();
    if (name) out.set(Number(cells[at['CommunityArea']]), name);
  }
  return out;
}

async function populationByName(): Promise<Map<string, number>> {
  const table = await openTable(`${CHICAGO_DATA}/community-area-population.csv`);
  const at = columnsOf(table.header, ['neighborhood', 'pop']);
  const out = new Map<string, number>();
  for await (const { cells } of table.rows)
    out.set(cells[at['neighborhood']].trim().toUpperCase(), Number(cells[at['pop']]));
  return out;
}

function columnsOf<K extends string>(header: string[], names: K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`the Chicago data has no column ${name} (has ${header.join(', ')})`);
    out[name] = i;
  }
  return out;
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
