/**
 * What an import reads, on both engines: BOMs, CRLF, GBK with Chinese headers, .csv.gz, XLSX
 * workbooks, and the files it must refuse (truncated, empty, a line too long, misnamed), each
 * refusal exact and writing nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { importSources, type ImportReport } from '../src/modules/imports/import.service.ts';
import { KIND_NAMES, kindByName } from '../src/modules/imports/kinds/index.ts';
import { sourcesFromPaths } from '../src/modules/imports/sources.ts';
import { AppError, formatRowError, type RowError } from '../src/shared/errors.ts';
import { ENGINES, freshDatabase } from './support/engines.ts';

const AREAS = 'code,name,level,parent_code,urban_rural';
const TREE = [
  'P,Province,province,,',
  'C,City,city,P,',
  'K,County,county,C,',
  'T,Town,township,K,',
  'V1,Village 1,village,T,urban',
];

for (const engine of ENGINES) {
  describe(`import files on ${engine}`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await freshDatabase(engine);
    });
    afterAll(() => db?.close());

    it('reads UTF-8 with a BOM', async () => {
      await withRollback(db, async () => {
        const report = await importFiles(db, { 'areas.csv': `\ufeff${[AREAS, ...TREE].join('\n')}\n` });
        expect(report.written).toBe(5);
        expect(await areaNames(db)).toContain('Village 1');
      });
    });

    it('reads CRLF line ends, leaving no carriage return in the values', async () => {
      await withRollback(db, async () => {
        const report = await importFiles(db, { 'areas.csv': `${[AREAS, ...TREE].join('\r\n')}\r\n` });
        expect(report.written).toBe(5);
        const v1 = await db.kysely
          .selectFrom('areas')
          .select(['urban_rural'])
          .where('code', '=', 'V1')
          .executeTakeFirstOrThrow();
        expect(v1.urban_rural).toBe('urban');
      });
    });

    it('reads GBK with the Chinese headers', async () => {
      const header = kindByName('areas')!
        .columns.map((c) => c.zh)
        .join(',');
      expect(header).toBe('代码,名称,级别,上级代码,城乡分类');
      const text = [
        header,
        'P,吉林省,province,,',
        'C,长春市,city,P,',
        'K,南关区,county,C,',
        'T,永吉街道,township,K,',
        'V1,南岭社区,village,T,111',
      ].join('\r\n');
      await withRollback(db, async () => {
        const report = await importFiles(db, { 'areas.csv': iconv.encode(text, 'gbk') });
        expect(report.written).toBe(5);
        expect((await areaNames(db)).sort()).toEqual(['南关区', '南岭社区', '吉林省', '永吉街道', '长春市'].sort());
      });
    });

    it('reads a .csv.gz named with a suffix after the kind', async () => {
      await withRollback(db, async () => {
        const report = await importFiles(db, { 'areas-2023.csv.gz': gzipSync([AREAS, ...TREE].join('\n')) });
        expect(report.kinds).toEqual([{ kind: 'areas', rows: 5, added: 5, replaced: 0, unchanged: 0 }]);
      });
    });

    it('refuses a truncated .csv.gz', async () => {
      const rows = [AREAS, 'P,Province,province,,'];
      for (let i = 0; i < 20_000; i++) rows.push(`V${i},Village ${i},village,P,${i % 2 ? 'urban' : 'rural'}`);
      const whole = gzipSync(rows.join('\n'));
      const errors = await rejection(db, { 'areas.csv.gz': whole.subarray(0, Math.floor(whole.length / 2)) });
      // The line is where reading stopped, which depends on how zlib hands out what it could inflate.
      expect(errors).toHaveLength(1);
      const [, line] = /^areas\.csv\.gz:(\d+): \(file\): the gzip data is truncated or corrupt$/.exec(errors[0]) ?? [];
      expect(Number(line)).toBeGreaterThan(1);
      expect(Number(line)).toBeLessThan(rows.length);
      expect(await count(db, 'areas')).toBe(0);
    });

    it('refuses an empty file', async () => {
      expect(await rejection(db, { 'areas.csv': '' })).toEqual([
        'areas.csv:1: (file): the file is empty: a header row is required',
      ]);
      expect(await count(db, 'areas')).toBe(0);
    });

    it('refuses a 10 MB line, naming it', async () => {
      const long = `V2,${'x'.repeat(10 * 1024 * 1024)},village,T,rural`;
      const errors = await rejection(db, {
        'areas.csv': [AREAS, ...TREE, long, 'V3,Village 3,village,T,rural'].join('\n'),
      });
      expect(errors).toEqual(['areas.csv:7: (row): the line is longer than 1048576 bytes']);
      expect(await count(db, 'areas')).toBe(0);
    });

    it('refuses files of no kind in a folder, naming each', async () => {
      const errors = await rejection(db, {
        'areas.csv': [AREAS, ...TREE].join('\n'),
        'notes.txt': 'remember the milk',
        'unknown.csv': 'a,b\n1,2\n',
      });
      expect(errors).toEqual([
        'notes.txt:1: (file): not a .csv, .csv.gz or .xlsx file',
        `unknown.csv:1: (file): no kind of import is named "unknown" (expected ${KIND_NAMES.join(', ')})`,
      ]);
      expect(await count(db, 'areas')).toBe(0);
    });

    it('reads an XLSX workbook with one sheet per kind, in kind order whatever the sheet order', async () => {
      const book = await workbook({
        units: [
          ['code', 'name', 'type', 'area_code', 'station_code', 'covers', 'status', 'opened_on', 'closed_on'],
          ['S1', 'Station', 'station', 'T', '', '', 'open', '2012-01-01', ''],
          ['R1', 'Room', 'community_room', 'T', 'S1', 'V1', 'open', new Date(Date.UTC(2018, 0, 1)), ''],
        ],
        areas: [AREAS.split(','), ...TREE.map((r) => r.split(','))],
      });
      await withRollback(db, async () => {
        const report = await importSources(db, await sourcesFromPaths([book]), { actor: 'test', source: 'test' });
        expect(report.kinds.map((k) => [k.kind, k.added])).toEqual([
          ['areas', 5],
          ['units', 2],
        ]);
        const r1 = await db.kysely
          .selectFrom('units')
          .select(['opened_on'])
          .where('code', '=', 'R1')
          .executeTakeFirstOrThrow();
        expect(r1.opened_on).toBe('2018-01-01');
      });
    });

    it('names the sheet and row of a bad XLSX row', async () => {
      const book = await workbook({
        areas: [AREAS.split(','), ...TREE.map((r) => r.split(',')), ['K2', 'County 2', 'county', 'T', '']],
      });
      const error = await importSources(db, await sourcesFromPaths([book]), { actor: 'test', source: 'test' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(((error as AppError).details as RowError[]).map(formatRowError)).toEqual([
        "book.xlsx:areas:7: level: a county under the township T: a child's level must be below its parent's",
      ]);
      expect(await count(db, 'areas')).toBe(0);
    });

    it('lists the errors of a workbook sheet by sheet, in kind order', async () => {
      const book = await workbook({
        units: [
          ['code', 'name', 'type', 'area_code', 'station_code', 'covers', 'status', 'opened_on', 'closed_on'],
          ['S1', 'Station', 'station', 'T', '', '', 'open', '2012-01-01', ''],
          ['R1', 'Room', 'community_room', 'T', 'S9', 'V1', 'open', '2018-01-01', ''],
        ],
        areas: [AREAS.split(','), ...TREE.map((r) => r.split(',')), ['V2', 'Village 2', 'village', 'T', 'city']],
      });
      const error = await importSources(db, await sourcesFromPaths([book]), { actor: 'test', source: 'test' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(((error as AppError).details as RowError[]).map(formatRowError)).toEqual([
        'book.xlsx:areas:7: urban_rural: "city" is not urban, rural or a GB code 1xx/2xx',
        'book.xlsx:units:3: station_code: no station S9 exists',
      ]);
    });

    it('refuses a workbook with a sheet of no kind, naming it', async () => {
      const book = await workbook({
        areas: [AREAS.split(','), ...TREE.map((r) => r.split(','))],
        notes: [['remember'], ['the milk']],
      });
      const error = await sourcesFromPaths([book]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(((error as AppError).details as RowError[]).map(formatRowError)).toEqual([
        `book.xlsx:notes:1: (sheet): no kind of import is named "notes" (expected ${KIND_NAMES.join(', ')})`,
      ]);
    });
  });
}

/** Runs fn, then empties what it imported so that each case starts from an empty database. */
async function withRollback(db: Database, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } finally {
    for (const table of ['unit_covers', 'units', 'areas', 'history', 'imports'] as const)
      await db.kysely.deleteFrom(table).execute();
  }
}

async function importFiles(db: Database, files: Record<string, string | Buffer>): Promise<ImportReport> {
  return importSources(db, await sourcesFromPaths([folder(files)]), { actor: 'test', source: 'test' });
}

async function rejection(db: Database, files: Record<string, string | Buffer>): Promise<string[]> {
  const error = await importFiles(db, files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('import_rejected');
  return ((error as AppError).details as RowError[]).map(formatRowError);
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-files-'));
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data);
  return dir;
}

async function workbook(sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-xlsx-')), 'book.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

async function areaNames(db: Database): Promise<string[]> {
  const rows = await db.kysely.selectFrom('areas').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

async function count(db: Database, table: 'areas' | 'units'): Promise<number> {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
