import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, formatRowError, type RowError } from '../../../shared/errors.ts';
import { openTable, type Table, type TableRow } from './index.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

async function rows(table: Table): Promise<TableRow[]> {
  const all: TableRow[] = [];
  for await (const row of table.rows) all.push(row);
  return all;
}

async function read(path: string, opts?: { maxLineBytes?: number }) {
  const table = await openTable(path, opts);
  return { header: table.header, rows: await rows(table) };
}

async function rejection(run: () => Promise<unknown>): Promise<{ message: string; error: RowError }> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('file_rejected');
    expect(error.category).toBe('import_rejected');
    return { message: error.message, error: error.details[0] as RowError };
  }
  throw new Error('expected a rejection');
}

const UNITS = 'code,name\nU1,东关警务室\nU2,"Room ""2"", west"\n';
const UNITS_ROWS = [
  { line: 2, cells: ['U1', '东关警务室'] },
  { line: 3, cells: ['U2', 'Room "2", west'] },
];

describe('openTable on CSV', () => {
  it('reads UTF-8 with and without a BOM, with LF or CRLF', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(UNITS)]);
    for (const data of [UNITS, bom, UNITS.replaceAll('\n', '\r\n')]) {
      const t = await read(file('units.csv', data));
      expect(t).toEqual({ header: ['code', 'name'], rows: UNITS_ROWS });
    }
  });

  it('reads a file without a final line end, skipping blank lines', async () => {
    const t = await read(file('units.csv', '\ncode,name\n\nU1,a\r\n\r\n,\nU2,b'));
    expect(t.header).toEqual(['code', 'name']);
    expect(t.rows).toEqual([
      { line: 4, cells: ['U1', 'a'] },
      { line: 7, cells: ['U2', 'b'] },
    ]);
  });

  it('detects GBK text with Chinese headers and values', async () => {
    const text = '编码,名称,所属派出所\r\nU1,东关社区警务室,"长春市公安局,南关分局"\r\nU2,鑫,\r\n';
    const t = await read(file('units.csv', iconv.encode(text, 'gbk')));
    expect(t.header).toEqual(['编码', '名称', '所属派出所']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['U1', '东关社区警务室', '长春市公安局,南关分局'] },
      { line: 3, cells: ['U2', '鑫', ''] },
    ]);
  });

  it('judges the encoding on the first non-ASCII text, however late it comes', async () => {
    const ascii = 'code,name\n' + 'U0,room\n'.repeat(20_000); // 160 KB of ASCII first
    const t = await read(file('units.csv', iconv.encode(`${ascii}U1,长春\n`, 'gb18030')));
    expect(t.rows.at(-1)).toEqual({ line: 20_002, cells: ['U1', '长春'] });
  });

  it('keeps UTF-8 whose sample ends inside a character', async () => {
    const head = 'code,name\nU1,';
    const pad = 'x'.repeat(64 * 1024 - head.length - 1); // '长' (3 bytes) straddles 64 KB
    const t = await read(file('units.csv', `${head}${pad}长春\nU2,吉林\n`));
    expect(t.rows.map((r) => r.cells[1].slice(-2))).toEqual(['长春', '吉林']);
  });

  it('rejects bytes that are not UTF-8 in a file that began as UTF-8, at their line', async () => {
    const utf8 = `code,name\n${'U1,长春\n'.repeat(16_000)}U2,`; // 160 KB of UTF-8 decide
    const data = Buffer.concat([Buffer.from(utf8), iconv.encode('吉林', 'gbk'), Buffer.from('\n')]);
    const { error } = await rejection(() => read(file('units.csv', data)));
    expect(error).toMatchObject({ file: 'units.csv', line: 16_002, column: '(file)' });
    expect(error.reason).toMatch(/not valid UTF-8/);
    expect(error.code).toBe('text_not_utf8');
  });

  it('reads a gzip-compressed file', async () => {
    const t = await read(file('units-2019.csv.gz', gzipSync(Buffer.from(UNITS))));
    expect(t).toEqual({ header: ['code', 'name'], rows: UNITS_ROWS });
  });

  it('rejects truncated or corrupt gzip data, naming the file', async () => {
    const big = 'date,badge\n' + '2019-06-01,B1\n'.repeat(50_000);
    const gz = gzipSync(Buffer.from(big));
    for (const data of [gz.subarray(0, gz.length >> 1), Buffer.from(big)]) {
      const { message, error } = await rejection(() => read(file('visits.csv.gz', data)));
      expect(message).toBe('visits.csv.gz: the gzip data is truncated or corrupt');
      expect(error).toMatchObject({ file: 'visits.csv.gz', column: '(file)' });
    }
  });

  it('rejects an empty file, or one of only a BOM and blank lines', async () => {
    for (const data of ['', '\ufeff', '\ufeff\r\n\n', '\n\n']) {
      const { message } = await rejection(() => openTable(file('units.csv', data)));
      expect(message).toBe('units.csv:1: (file): the file is empty: a header row is required');
    }
  });

  it('rejects a 10 MB line at its line, without holding it', async () => {
    const path = file('visits.csv', `date,badge\n${'2019-06-01,B1\n'.repeat(15)}2019-06-01,${'x'.repeat(10 << 20)}\n`);
    const before = process.memoryUsage();
    const table = await openTable(path);
    const { message, error } = await rejection(() => rows(table));
    expect(message).toBe('visits.csv:17: (row): the line is longer than 1048576 bytes');
    expect(error).toEqual({
      file: 'visits.csv',
      line: 17,
      column: '(row)',
      code: 'line_too_long',
      params: { bytes: 1048576 },
      reason: 'the line is longer than 1048576 bytes',
    });
    const grown = process.memoryUsage().heapUsed - before.heapUsed;
    expect(grown).toBeLessThan(8 << 20);
  });

  it('reads a 10 MB line under a larger limit in linear time', async () => {
    const path = file('visits.csv', `date,note\n2019-06-01,"${'x'.repeat(10 << 20)}"\n`);
    const started = performance.now();
    const t = await read(path, { maxLineBytes: 16 << 20 });
    expect(t.rows[0].cells[1]).toHaveLength(10 << 20);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('rejects an unterminated quote at the line where the field began', async () => {
    const path = file('units.csv', 'code,name\nU1,a\nU2,"b\nU3,c\n');
    const table = await openTable(path);
    const { message } = await rejection(() => rows(table));
    expect(message).toBe(
      'units.csv:3: name: the quoted field that opens here is never closed: the file ends inside it',
    );
  });

  it('gives the rows before a rejected place', async () => {
    const table = await openTable(file('units.csv', 'code,name\nU1,a\nU2,"b" c\n'));
    const seen: TableRow[] = [];
    await rejection(async () => {
      for await (const row of table.rows) seen.push(row);
    });
    expect(seen).toEqual([{ line: 2, cells: ['U1', 'a'] }]);
  });

  it('rejects a missing file and an unknown extension', async () => {
    const missing = await rejection(() => openTable(join(dir, 'nope.csv')));
    expect(formatRowError(missing.error)).toBe('nope.csv:1: (file): the file does not exist');
    const other = await rejection(() => openTable(file('units.txt', UNITS)));
    expect(other.message).toBe('units.txt:1: (file): not a .csv, .csv.gz or .xlsx file');
  });

  it('releases a file closed before its rows are read', async () => {
    const table = await openTable(file('units.csv', UNITS));
    await table.close();
    expect(await rows(table)).toEqual([]);
  });

  it('reads a million rows quickly', async () => {
    const path = join(dir, 'funds.csv');
    const out = createWriteStream(path);
    out.write('code,name,date,amount\n');
    for (let i = 0; i < 1_000_000; i += 10_000) {
      let block = '';
      for (let j = i; j < i + 10_000; j++) block += `U${j},Room ${j},2019-06-01,${j}.50\n`;
      out.write(block);
    }
    await new Promise((resolve) => out.end(resolve));
    const started = performance.now();
    const table = await openTable(path);
    let count = 0;
    for await (const row of table.rows) count += row.cells.length === 4 ? 1 : 0;
    const ms = performance.now() - started;
    console.log(`read 1,000,000 CSV rows in ${ms.toFixed(0)} ms`);
    expect(count).toBe(1_000_000);
    expect(ms).toBeLessThan(4_000); // ~0.5 s on a developer machine; generous for CI
  });
});
