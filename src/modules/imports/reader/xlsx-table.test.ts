import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type RowError } from '../../../shared/errors.ts';
import { openTable, xlsxSheets, type Table, type TableRow } from './index.ts';

let dir: string;
let book: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-xlsx-'));
  book = join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('units');
  units.addRow(['code', 'name', 'opened_on', 'members', 'amount']);
  units.addRow(['U1', '东关警务室', new Date(Date.UTC(2019, 5, 1)), 12, 1234.5599999999999]);
  units.addRow([]);
  units.addRow(['U2', null, null, 1e21, 0.1 + 0.2]);
  units.addRow(['U3', { richText: [{ text: 'Room ' }, { text: 'B', font: { bold: true } }] }]);
  const formula = units.addRow([
    'U4',
    { formula: 'A4&"x"', result: 'U2x' },
    { formula: 'C2+1', result: 43618 },
    1e-7,
    -2.5,
  ]);
  formula.getCell(3).numFmt = 'yyyy-mm-dd';
  units.addRow([null, '', null]);
  units.addRow(['U5', true, new Date(Date.UTC(2019, 5, 1, 8, 30))]);
  const areas = wb.addWorksheet('areas');
  areas.addRow(['code', 'name', 'level', 'parent_code']);
  areas.addRow(['JL', '吉林省', 'province']);
  areas.addRow(['CC', '长春市', 'city', 'JL']);
  wb.addWorksheet('Sheet3');
  await wb.xlsx.writeFile(book);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rows(table: Table): Promise<TableRow[]> {
  const all: TableRow[] = [];
  for await (const row of table.rows) all.push(row);
  return all;
}

async function rejection(run: () => Promise<unknown>): Promise<{ message: string; error: RowError }> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: error.message, error: error.details[0] as RowError };
  }
  throw new Error('expected a rejection');
}

const UNIT_ROWS = [
  { line: 'units:2', cells: ['U1', '东关警务室', '2019-06-01', '12', '1234.56'] },
  { line: 'units:4', cells: ['U2', '', '', '1000000000000000000000', '0.3'] },
  { line: 'units:5', cells: ['U3', 'Room B', '', '', ''] },
  { line: 'units:6', cells: ['U4', 'U2x', '2019-06-02', '0.0000001', '-2.5'] },
  { line: 'units:8', cells: ['U5', 'TRUE', '2019-06-01 08:30:00', '', ''] },
];

describe('XLSX', () => {
  it('reads every sheet in turn, converting numbers and dates, skipping empty rows and sheets', async () => {
    const seen: { name: string; file: string; header: string[]; rows: TableRow[] }[] = [];
    for await (const { name, table } of xlsxSheets(book)) {
      seen.push({ name, file: table.file, header: table.header, rows: await rows(table) });
    }
    expect(seen).toEqual([
      { name: 'units', file: 'book.xlsx', header: ['code', 'name', 'opened_on', 'members', 'amount'], rows: UNIT_ROWS },
      {
        name: 'areas',
        file: 'book.xlsx',
        header: ['code', 'name', 'level', 'parent_code'],
        rows: [
          { line: 'areas:2', cells: ['JL', '吉林省', 'province', ''] },
          { line: 'areas:3', cells: ['CC', '长春市', 'city', 'JL'] },
        ],
      },
    ]);
  });

  it('ends the rows of a sheet left unread when the next sheet is taken', async () => {
    const tables: Table[] = [];
    for await (const { table } of xlsxSheets(book)) tables.push(table);
    expect(tables.map((t) => t.header[0])).toEqual(['code', 'code']);
    await expect(rows(tables[0])).rejects.toThrow('book.xlsx: sheet "units" was left for the next sheet');
  });

  it('opens one sheet by name, or the first', async () => {
    const areas = await openTable(book, { sheet: 'areas' });
    expect(areas.header).toEqual(['code', 'name', 'level', 'parent_code']);
    expect((await rows(areas)).map((r) => r.line)).toEqual(['areas:2', 'areas:3']);
    const first = await openTable(book);
    expect(await rows(first)).toEqual(UNIT_ROWS);
  });

  it('rejects a missing or empty sheet, naming it', async () => {
    const missing = await rejection(() => openTable(book, { sheet: 'officers' }));
    expect(missing.message).toBe(
      'book.xlsx:1: (file): no sheet is named "officers" (sheets: "units", "areas", "Sheet3")',
    );
    const empty = await rejection(() => openTable(book, { sheet: 'Sheet3' }));
    expect(empty.message).toBe('book.xlsx:Sheet3:1: (file): the sheet is empty: a header row is required');
  });

  it('rejects a file that is not a workbook, or one cut short', async () => {
    const whole = readFileSync(book);
    for (const data of [Buffer.from('code,name\nU1,a\n'), whole.subarray(0, whole.length >> 1)]) {
      const path = join(dir, 'broken.xlsx');
      writeFileSync(path, data);
      const { message, error } = await rejection(() => openTable(path));
      expect(message).toMatch(/^broken\.xlsx: the file is not a readable XLSX workbook/);
      expect(error).toMatchObject({ file: 'broken.xlsx', column: '(file)' });
    }
  });
});
