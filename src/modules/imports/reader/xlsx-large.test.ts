import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-xlsx-large-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 200_000;
const HEAP_MB = 64;

// Reads the workbook in a process of its own whose heap cannot grow past HEAP_MB: the whole-
// workbook reader this replaced needed some 500 MB for these rows.
const READ = `
import { openTable } from ${JSON.stringify(path.resolve('src/modules/imports/reader/read-table.ts'))};
const table = await openTable(process.argv[1]);
let rows = 0, last = '', peak = 0;
for await (const row of table.rows) {
  rows++;
  last = row.cells.join(',');
  if (rows % 10000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(JSON.stringify({ rows, last, peakHeapMB: Math.round(peak / 1e6), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1e3) }));
`;

describe('a large sheet', () => {
  it(`is read row by row in a heap of ${HEAP_MB} MB`, async () => {
    const file = path.join(dir, 'visits.xlsx');
    // Shared strings, as Excel writes every string: the one table held whole.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = book.addWorksheet('visits');
    sheet.addRow(['date', 'badge', 'area_code', 'household_ref', 'count']).commit();
    for (let i = 0; i < ROWS; i++) {
      sheet.addRow(['2019-06-01', `X${i % 1000}`, `B1-${i % 100}`, `H${i}`, i]).commit();
    }
    await sheet.commit();
    await book.commit();

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', `--max-old-space-size=${HEAP_MB}`, '--input-type=module', '-e', READ, file],
      { maxBuffer: 1 << 20 },
    );
    const result = JSON.parse(stdout);
    console.log(
      `read ${ROWS.toLocaleString('en')} XLSX rows: peak heap ${result.peakHeapMB} MB, peak RSS ${result.maxRssMB} MB`,
    );
    expect(result).toMatchObject({ rows: ROWS, last: `2019-06-01,X999,B1-99,H${ROWS - 1},${ROWS - 1}` });
  });
});
