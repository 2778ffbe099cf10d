/**
 * The whole country's divisions (665,271 areas) through the real import on SQLite, the engine of
 * the goal (at most 10 s). The time is printed, not asserted: machines differ; the counts are.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { freshDatabase } from './support/engines.ts';
import { DATA } from './support/province-51.ts';

const COUNTRY = `${DATA}divisions/china-2023.csv.gz`;

describe('the whole country on sqlite', () => {
  let db: Database;
  let report: ImportReport;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
    // A file's kind is its name: the data file is linked in as areas.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-country-'));
    fs.symlinkSync(COUNTRY, path.join(dir, 'areas-china-2023.csv.gz'));
    const started = performance.now();
    report = await importSources(db, await sourcesFromPaths([dir]), { actor: 'test', source: 'test' });
    console.log(
      `imported the country's ${report.written.toLocaleString('en')} areas in ${Math.round(performance.now() - started)} ms`,
    );
  }, 300_000);
  afterAll(() => db?.close());

  it('imports every area', async () => {
    expect(report.kinds).toEqual([{ kind: 'areas', rows: 665_271, added: 665_271, replaced: 0, unchanged: 0 }]);
    const levels = await db.kysely
      .selectFrom('areas')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .execute();
    expect(Object.fromEntries(levels.map((l) => [l.level, Number(l.n)]))).toEqual({
      province: 31,
      city: 342,
      county: 2_975,
      township: 41_351,
      village: 620_572,
    });
  });

  it('gives every area its province, through cities without counties too', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from areas a
      where not exists (select 1 from areas p where p.code = a.province and p.level = 'province')`.execute(db.kysely);
    expect(Number(rows[0].n)).toBe(0);
    // Dongguan (4419) has townships directly under the city.
    const town = await db.kysely
      .selectFrom('areas')
      .select(['province', 'level'])
      .where('parent_code', '=', '441900000000')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(town).toEqual({ province: '440000000000', level: 'township' });
  });

  it('changes nothing when imported again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-country-'));
    fs.symlinkSync(COUNTRY, path.join(dir, 'areas.csv.gz'));
    const again = await importSources(db, await sourcesFromPaths([dir]), { actor: 'test', source: 'test' });
    expect(again.written).toBe(0);
  }, 300_000);
});
