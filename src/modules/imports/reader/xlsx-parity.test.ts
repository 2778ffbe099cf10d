import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { exceljsSheets, type SheetRows } from '../../../../test/support/exceljs-rows.ts';
import { KINDS } from '../kinds/index.ts';
import { templateSheets } from '../template.service.ts';
import { xlsxSheets } from './read-table.ts';
import { writeTemplate } from './write-template.ts';

// The streamed reader against the whole-workbook exceljs reader it replaced, on workbooks
// exceljs writes: the same sheets, headers, rows, lines and cell text.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-xlsx-parity-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function streamedSheets(file: string): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  for await (const { name, table } of xlsxSheets(file)) {
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    sheets.push({ name, header: table.header, rows });
  }
  return sheets;
}

const utc = (...parts: [number, number, number, number?, number?]) =>
  new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0));

/** One sheet of every kind of cell, written through the given worksheet. */
function fillCells(ws: ExcelJS.Worksheet): void {
  ws.getColumn(10).numFmt = 'yyyy-mm-dd';
  const rows: Record<number, ExcelJS.CellValue[]> = {
    1: ['text', 'number', 'date', 'bool', 'formula', 'error', 'rich', 'gap', 'last', 'dated column'],
    2: [
      '东关警务室 & <b> "q" \'a\'',
      12,
      utc(2019, 6, 1),
      true,
      { formula: 'B2*2', result: 24 },
      { error: '#N/A' },
      { richText: [{ text: 'Room ' }, { font: { bold: true }, text: 'B' }] },
      null,
      'end',
      43617,
    ],
    3: [
      '  spaced  ',
      1234.5599999999999,
      utc(2019, 6, 1, 8, 30),
      false,
      { formula: 'A3&"x"', result: '  spaced  x' },
      { error: '#DIV/0!' },
      { text: 'a link', hyperlink: 'https://example.org/?a=1&b=2' },
    ],
    5: ['line1\nline2\r\nline3\ttab', 1e21, utc(1900, 3, 1), null, { formula: 'C2+1', result: 43618 }],
    6: [null, 0.1 + 0.2, null, null, { formula: 'TRUE()', result: true }, null, null, null, '吉林省'],
    7: ['𠀀 astral, 長春 ﹏ ①', -2.5, utc(2038, 1, 19, 3, 14), null, { formula: 'NA()', result: { error: '#N/A' } }],
    8: ['', null, ''],
    9: [1.5, 1.5, 1.5, 1.5, '0431', 45000.25],
    // A shared formula's master (exceljs reads and writes shareType and ref; its types omit them).
    10: [
      'shared',
      1,
      2,
      null,
      { formula: 'B10+C10', result: 3, shareType: 'shared', ref: 'E10:E11' } as ExcelJS.CellFormulaValue,
    ],
    11: ['shared', 2, 3, null, { sharedFormula: 'E10', result: 5 }],
    12: ['merged down', null, null, 7],
    13: [null, 'hidden by the merge', null, null, null, 'right of merges'],
    15: ['after a gap', 'x'.repeat(2000)],
    30: [null, null, null, null, null, null, null, null, null, null, null, 'far right'],
  };
  for (const [n, values] of Object.entries(rows)) ws.getRow(Number(n)).values = values;
  ws.getCell('E5').numFmt = 'yyyy-mm-dd';
  ws.getCell('A9').numFmt = '0.00';
  ws.getCell('B9').numFmt = '[Red]0.00';
  ws.getCell('C9').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('D9').numFmt = '[h]:mm:ss';
  ws.getCell('E9').numFmt = '@';
  ws.getCell('F9').numFmt = 'mm/dd/yyyy hh:mm';
  ws.mergeCells('A12:B14');
  ws.mergeCells('D12:F12');
}

async function writeBook(file: string, opts: { date1904?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  fillCells(wb.addWorksheet('cells'));
  const areas = wb.addWorksheet('人员 & 单位', { state: 'hidden' });
  areas.addRow(['code', 'name']);
  areas.addRow(['JL', '吉林省']);
  wb.addWorksheet('empty');
  const blank = wb.addWorksheet('blank rows');
  blank.getRow(3).values = ['', null];
  await wb.xlsx.writeFile(file);
  return file;
}

async function writeStreamed(file: string, useSharedStrings: boolean): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
  const ws = wb.addWorksheet('cells');
  fillCells(ws as unknown as ExcelJS.Worksheet);
  await ws.commit();
  await wb.commit();
  return file;
}

describe('the streamed XLSX reader', () => {
  it('reads every kind of cell as the whole-workbook reader did', async () => {
    const file = await writeBook(path.join(dir, 'cells.xlsx'));
    const old = await exceljsSheets(file);
    expect(await streamedSheets(file)).toEqual(old);
    // The workbook holds what it should: a sample of the rows both readers agree on.
    expect(old.map((s) => s.name)).toEqual(['cells', '人员 & 单位']);
    const cells = old[0].rows;
    expect(cells[0]).toEqual({
      line: 'cells:2',
      cells: [
        '东关警务室 & <b> "q" \'a\'',
        '12',
        '2019-06-01',
        'TRUE',
        '24',
        '#N/A',
        'Room B',
        '',
        'end',
        '2019-06-01',
      ],
    });
    expect(cells.find((r) => r.line === 'cells:5')?.cells.slice(0, 5)).toEqual([
      'line1\nline2\nline3\ttab',
      '1000000000000000000000',
      '1900-03-01',
      '',
      '2019-06-02',
    ]);
    expect(cells.find((r) => r.line === 'cells:14')?.cells.slice(0, 2)).toEqual(['merged down', 'merged down']);
  });

  it('reads dates of the 1904 date system as the whole-workbook reader did', async () => {
    const file = await writeBook(path.join(dir, 'cells-1904.xlsx'), { date1904: true });
    const old = await exceljsSheets(file);
    expect(old[0].rows[0].cells[2]).toBe('2019-06-01');
    expect(await streamedSheets(file)).toEqual(old);
  });

  it('reads workbooks written as a stream, with inline or shared strings', async () => {
    for (const shared of [false, true]) {
      const file = await writeStreamed(path.join(dir, `streamed-${shared}.xlsx`), shared);
      expect(await streamedSheets(file)).toEqual(await exceljsSheets(file));
    }
  });

  it('reads the import templates as the whole-workbook reader did', async () => {
    for (const headers of ['zh', 'en'] as const) {
      const file = path.join(dir, `all-${headers}.xlsx`);
      await writeTemplate(file, templateSheets(KINDS), { headers });
      const old = await exceljsSheets(file);
      expect(old).toHaveLength(KINDS.length);
      expect(await streamedSheets(file)).toEqual(old);
    }
  });

  it('reads the same workbook 300 times without a failure', async () => {
    const file = await writeBook(path.join(dir, 'again.xlsx'));
    const expected = await exceljsSheets(file);
    let same = 0;
    for (let i = 0; i < 300; i++) {
      const sheets = await streamedSheets(file);
      if (JSON.stringify(sheets) === JSON.stringify(expected)) same++;
    }
    expect(same).toBe(300);
  });
});
