import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable, writeTemplate, xlsxSheets, type TemplateSheet } from './index.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'outpost-template-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHEETS: TemplateSheet[] = [
  {
    name: 'units',
    columns: [
      { name: 'code', zh: '编码', required: true },
      { name: 'name', zh: '名称', required: true },
      { name: 'phone', zh: '联系电话', required: false },
    ],
    example: { code: '0431', name: '东关社区警务室', phone: '0431-88886666' },
  },
  {
    name: 'funds',
    columns: [
      { name: 'ref', zh: '编号', required: true },
      { name: 'date', zh: '日期', required: true },
      { name: 'amount', zh: '金额', required: true },
    ],
    example: { ref: 'F-1', date: '2019-06-01', amount: '1000.00' },
  },
];

describe('writeTemplate', () => {
  it('writes Chinese headers that read back with the example row', async () => {
    const out = join(dir, 'template-zh.xlsx');
    await writeTemplate(out, SHEETS, { headers: 'zh' });
    const units = await openTable(out, { sheet: 'units' });
    expect(units.header).toEqual(['编码', '名称', '联系电话']);
    const rows = [];
    for await (const row of units.rows) rows.push(row);
    expect(rows).toEqual([{ line: 'units:2', cells: ['0431', '东关社区警务室', '0431-88886666'] }]);
  });

  it('writes English headers, one sheet per kind, the other language in notes', async () => {
    const out = join(dir, 'template-en.xlsx');
    await writeTemplate(out, SHEETS);
    const read: Record<string, unknown> = {};
    for await (const { name, table } of xlsxSheets(out)) {
      const rows = [];
      for await (const row of table.rows) rows.push(row.cells);
      read[name] = [table.header, ...rows];
    }
    expect(read).toEqual({
      units: [
        ['code', 'name', 'phone'],
        ['0431', '东关社区警务室', '0431-88886666'],
      ],
      funds: [
        ['ref', 'date', 'amount'],
        ['F-1', '2019-06-01', '1000.00'],
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const units = wb.getWorksheet('units')!;
    expect(units.getCell('A1').note).toBe('编码\n必填 required');
    expect(units.getCell('C1').note).toBe('联系电话\n选填 optional');
  });
});
