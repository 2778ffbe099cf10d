/**
 * The XLSX reader Outpost had before it streamed workbooks, kept for tests and benches to compare
 * with: exceljs reads the whole workbook, then every non-empty sheet gives its header (first row
 * that shows something) and rows as `openTable`/`xlsxSheets` give them. Not for production: it
 * holds every row of the workbook in memory.
 *
 * @example
 * expect(await streamedSheets(file)).toEqual(await exceljsSheets(file));
 */
import ExcelJS from 'exceljs';
import { dateText, isDateFormat, numberText, serialDate } from '../../src/modules/imports/reader/cell-text.ts';
import type { TableRow } from '../../src/modules/imports/reader/table.ts';

export interface SheetRows {
  name: string;
  header: string[];
  rows: TableRow[];
}

export async function exceljsSheets(path: string): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const props = (workbook as unknown as { properties?: { date1904?: boolean } }).properties;
  const date1904 = props?.date1904 === true;
  const sheets: SheetRows[] = [];
  for (const worksheet of workbook.worksheets) {
    const name = worksheet.name ?? `sheet${worksheet.id ?? ''}`;
    const rows: TableRow[] = [];
    let width = 0;
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell((cell, col) => {
        const text = cellText(cell.value, cell.numFmt, date1904);
        if (text === '') return;
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = text;
      });
      if (cells.length === 0) return;
      while (cells.length < width) cells.push('');
      if (rows.length === 0) width = cells.length;
      rows.push({ line: `${name}:${row.number}`, cells });
    });
    if (rows.length > 0) sheets.push({ name, header: rows[0].cells, rows: rows.slice(1) });
  }
  return sheets;
}

/** The text the old reader gave an exceljs cell value (cell-text.ts's `cellText` before streaming). */
export function cellText(value: unknown, numFmt?: string, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      const runs = v.richText as { text?: unknown }[];
      return runs.map((run) => (run.text == null ? '' : String(run.text))).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (typeof result === 'number' && isDateFormat(numFmt)) {
        return dateText(serialDate(result, date1904));
      }
      return cellText(result, numFmt, date1904);
    }
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text, numFmt, date1904);
  }
  return String(value);
}
