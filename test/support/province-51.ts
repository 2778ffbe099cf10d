/** The acceptance province (test/fixtures/acceptance), imported into a database. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.ts';
import { importSources } from '../../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../../src/modules/imports/sources.ts';

/** The repository's own copies of the fixtures and the real data, with their provenance beside them. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
export const PROVINCE_51 = `${FIXTURES}acceptance/province-51`;

export interface ExpectedFile {
  month: string;
  indicators: Record<
    string,
    Record<string, { composite: number; indicators: Record<string, Record<string, unknown>> }>
  >;
  rankings: Record<
    string,
    Record<
      string,
      { rank: number; code: string; name: string; composite: number; lagging: boolean; problems: string[] }[]
    >
  >;
}

export function expected(): ExpectedFile {
  return JSON.parse(fs.readFileSync(`${FIXTURES}acceptance/province-51.expected.json`, 'utf8'));
}

export async function importProvince51(db: Database) {
  return importSources(db, await sourcesFromPaths([PROVINCE_51]), { actor: 'test', source: 'test' });
}
