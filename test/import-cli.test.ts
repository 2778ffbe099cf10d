/**
 * `outpost import`, `template` and `void` run in-process through `main` with a captured io, on
 * both engines: exit codes, stdout, and the row errors on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';
import { openDatabase } from '../src/db/database.ts';
import { KINDS, KIND_NAMES } from '../src/modules/imports/kinds/index.ts';
import { openTable, xlsxSheets } from '../src/modules/imports/reader/index.ts';
import { EXIT_CODE } from '../src/shared/errors.ts';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';

const AREAS =
  'code,name,level,parent_code,urban_rural\nP,Province,province,,\nK,County,county,P,\nT,Town,township,K,\nV1,Village 1,village,T,urban\n';
const UNITS = 'code,name,type,area_code,station_code,covers,status,opened_on,closed_on\n';

for (const engine of ENGINES) {
  describe(`outpost import on ${engine}`, () => {
    it('exits non-zero with the row errors on stderr, and writes nothing', async () => {
      const url = await freshDatabaseUrl(engine);
      const dir = folder({
        'areas.csv': AREAS,
        'units.csv': `${UNITS}R1,Room 1,community_room,T,S2201,V1,open,2018-01-01,\n`,
      });
      const { code, stdout, stderr } = await run(['import', dir, '--db', url]);
      expect(code).toBe(EXIT_CODE.import_rejected);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'outpost: the import was rejected and nothing was written: 1 error\nunits.csv:2: station_code: no station S2201 exists\n',
      );
      expect(await rowCount(url, 'areas')).toBe(0);
      // A job like an upload's: refused with the rows named, nothing written.
      const [job] = await jobs(url);
      expect(job).toMatchObject({ name: dir, phase: 'rejected', dry_run: 0, spool: null, import_id: null });
      expect(JSON.parse(job.error!)).toMatchObject({ code: 'import_rejected', params: { count: 1 } });
      expect(fs.existsSync(dir)).toBe(true);
    });

    it('names misnamed files on stderr', async () => {
      const url = await freshDatabaseUrl(engine);
      const dir = folder({ 'areas.csv': AREAS, 'notes.txt': 'hello' });
      const { code, stderr } = await run(['import', dir, '--db', url]);
      expect(code).toBe(EXIT_CODE.import_rejected);
      expect(stderr).toBe(
        'outpost: the import was rejected and nothing was written\nnotes.txt:1: (file): not a .csv, .csv.gz or .xlsx file\n',
      );
    });

    it('imports, reports per kind, and dry-runs without writing', async () => {
      const url = await freshDatabaseUrl(engine);
      const dir = folder({ 'areas.csv': AREAS, 'units.csv': `${UNITS}S1,Station 1,station,T,,,open,2012-01-01,\n` });
      const dry = await run(['import', dir, '--dry-run', '--db', url]);
      expect(dry).toEqual({
        code: 0,
        stdout: [
          'dry run: nothing was written; the import would give',
          '  areas                        4 rows: 4 added, 0 replaced, 0 unchanged',
          '  units                        1 rows: 1 added, 0 replaced, 0 unchanged',
          '',
        ].join('\n'),
        stderr: '',
      });
      expect(await rowCount(url, 'areas')).toBe(0);
      const real = await run(['import', dir, '--json', '--db', url]);
      expect(real.code).toBe(0);
      expect(JSON.parse(real.stdout)).toEqual({
        // PostgreSQL's sequence does not give back the id of the dry run's rolled-back row.
        importId: expect.any(Number),
        dryRun: false,
        written: 5,
        kinds: [
          { kind: 'areas', rows: 4, added: 4, replaced: 0, unchanged: 0 },
          { kind: 'units', rows: 1, added: 1, replaced: 0, unchanged: 0 },
        ],
      });
      expect(await rowCount(url, 'areas')).toBe(4);
      const [checked, written] = await jobs(url);
      expect(checked).toMatchObject({ name: dir, phase: 'done', dry_run: 1, import_id: null });
      expect(written).toMatchObject({
        name: dir,
        phase: 'done',
        dry_run: 0,
        import_id: JSON.parse(real.stdout).importId,
      });
      expect(JSON.parse(written.report!)).toMatchObject({ written: 5, dry_run: false });
      // The files named are read, never removed.
      expect(fs.readdirSync(dir).sort()).toEqual(['areas.csv', 'units.csv']);
    });

    it('voids a row by its key with a reason', async () => {
      const url = await freshDatabaseUrl(engine);
      expect((await run(['import', folder({ 'areas.csv': AREAS }), '--db', url])).code).toBe(0);
      expect(await run(['void', 'areas', 'V1', '--reason', 'merged into V2', '--db', url])).toEqual({
        code: 0,
        stdout: 'voided areas V1\n',
        stderr: '',
      });
      const again = await run(['void', 'areas', 'V1', '--reason', 'again', '--db', url]);
      expect(again.code).toBe(EXIT_CODE.conflict);
      expect(again.stderr).toMatch(/^outpost: areas V1 was already voided on \d{4}-\d\d-\d\dT/);
    });
  });
}

describe('outpost template', () => {
  it('writes a workbook of every kind that reads back with the Chinese headers and the example row', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-template-')), 'template.xlsx');
    const { code, stdout } = await run(['template', 'all', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out}\n`);
    const names: string[] = [];
    for await (const { name } of xlsxSheets(out)) names.push(name);
    expect(names).toEqual(KIND_NAMES);
    for (const kind of KINDS) {
      const table = await openTable(out, { sheet: kind.kind });
      expect(table.header, kind.kind).toEqual(kind.columns.map((c) => c.zh));
      const rows = [];
      for await (const row of table.rows) rows.push(row);
      expect(rows.map((r) => r.line)).toEqual([`${kind.kind}:2`]);
      const example = kind.columns.map((c) => c.example);
      expect(rows[0].cells.slice(0, example.length), kind.kind).toEqual(example.slice(0, rows[0].cells.length));
    }
  });

  it('writes English headers with --lang en, and refuses an unknown kind', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-template-')), 'units.xlsx');
    expect((await run(['template', 'units', '--lang', 'en', '--out', out])).code).toBe(0);
    const table = await openTable(out, { sheet: 'units' });
    expect(table.header).toEqual(KINDS.find((k) => k.kind === 'units')!.columns.map((c) => c.name));
    await table.close();
    const bad = await run(['template', 'notes', '--out', out]);
    expect(bad.code).toBe(EXIT_CODE.invalid_input);
    expect(bad.stderr).toBe(`outpost: no kind of import is named "notes" (expected all, ${KIND_NAMES.join(', ')})\n`);
  });
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-cli-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The import jobs, oldest first. */
async function jobs(url: string) {
  const db = await openDatabase(url);
  try {
    return await db.kysely.selectFrom('import_jobs').selectAll().orderBy('id').execute();
  } finally {
    await db.close();
  }
}

async function rowCount(url: string, table: 'areas'): Promise<number> {
  const db = await openDatabase(url);
  try {
    const row = await db.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await db.close();
  }
}
