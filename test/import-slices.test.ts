/**
 * SQLite merges a large stage by slices of its rows (merge.ts, bySlices), so that no single
 * statement holds the server's one thread for the whole merge. A file spanning several slices
 * must merge exactly as one statement would: every new row added, every changed row replaced
 * with its earlier version in history, the rest untouched, the slices' edges included. Both
 * engines, the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { SLICE_ROWS } from '../src/modules/imports/merge.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';

const TREE = [
  'code,name,level,parent_code,urban_rural',
  'P,Province,province,,',
  'C,City,city,P,',
  'K,County,county,C,',
  'T,Town,township,K,',
  'V1,Village 1,village,T,urban',
].join('\n');
/** Two slices and a part: both edges between slices are crossed. */
const FIRST = 2 * SLICE_ROWS + 5_000;
const ADDED = 5_000;

for (const engine of ENGINES) {
  describe(`a merge of ${FIRST.toLocaleString('en')} rows by slices on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importFile(db, 'areas.csv', TREE);
    });
    afterAll(() => db?.close());

    it('adds every row of a first file', async () => {
      const report = await importFile(
        db,
        'surveys.csv',
        surveys(FIRST, () => '5'),
      );
      expect(report.kinds).toEqual([{ kind: 'surveys', rows: FIRST, added: FIRST, replaced: 0, unchanged: 0 }]);
      expect(await count(db, 'surveys')).toBe(FIRST);
    }, 120_000);

    it('replaces exactly the changed rows, each with its history, and adds the new ones', async () => {
      // Every third row changes, the rows at each slice's edge among them.
      const changed = (i: number) => i % 3 === 0 || i % SLICE_ROWS === 0 || i % SLICE_ROWS === 1;
      const replaced = Array.from({ length: FIRST }, (_, k) => k + 1).filter(changed).length;
      const report = await importFile(
        db,
        'surveys.csv',
        surveys(FIRST + ADDED, (i) => (changed(i) ? '2' : '5')),
      );
      expect(report.kinds).toEqual([
        {
          kind: 'surveys',
          rows: FIRST + ADDED,
          added: ADDED,
          replaced,
          unchanged: FIRST - replaced,
        },
      ]);
      expect(await count(db, 'surveys')).toBe(FIRST + ADDED);
      expect(await count(db, 'history')).toBe(replaced);
      for (const i of [1, SLICE_ROWS, SLICE_ROWS + 1, 2 * SLICE_ROWS, 2 * SLICE_ROWS + 1, FIRST, FIRST + ADDED]) {
        const row = await db.kysely
          .selectFrom('surveys')
          .select('satisfaction')
          .where('ref', '=', ref(i))
          .executeTakeFirstOrThrow();
        expect([i, Number(row.satisfaction)]).toEqual([i, i > FIRST || !changed(i) ? 5 : 2]);
      }
    }, 120_000);
  });
}

function ref(i: number): string {
  return `S${String(i).padStart(6, '0')}`;
}

function surveys(n: number, satisfaction: (i: number) => string): string {
  const lines = ['ref,date,area_code,knows_officer,satisfaction,channel'];
  for (let i = 1; i <= n; i++)
    lines.push(`${ref(i)},2019-06-${String((i % 28) + 1).padStart(2, '0')},V1,yes,${satisfaction(i)},door`);
  return lines.join('\n');
}

async function importFile(db: Database, name: string, text: string): Promise<ImportReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-slices-'));
  try {
    fs.writeFileSync(path.join(dir, name), text);
    return await importSources(db, await sourcesFromPaths([dir]), { actor: 'test', source: 'test' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function count(db: Database, table: 'surveys' | 'history'): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
