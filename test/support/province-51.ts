/** The acceptance province of ../shared, imported into a database. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../src/db/database.ts';
import { importSources } from '../../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../../src/modules/imports/sources.ts';

export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const PROVINCE_51 = `${SHARED}acceptance/province-51`;

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
  return JSON.parse(fs.readFileSync(`${SHARED}acceptance/province-51.expected.json`, 'utf8'));
}

export async function importProvince51(db: Database) {
  return importSources(db, await sourcesFromPaths([PROVINCE_51]), { actor: 'test', source: 'test' });
}
