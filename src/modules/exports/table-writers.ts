/**
 * An exported table as an XLSX workbook or a CSV file. Both hold the cells as the JSON answer
 * has them (numbers at full precision, shown in XLSX with the column's format; yes/no as
 * booleans; dates and codes as text) under a header row in the language asked for. A text cell
 * that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a return) is
 * written as text: in XLSX a string cell formatted as Text (`@`), so that editing it keeps it
 * text; in CSV with a leading apostrophe, as OWASP advises, since a CSV cell has no type.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '#core/documents/document.ts';
import { excelFormat } from '#core/documents/format-cell.ts';
import type { BoundTable, ExportCell, ExportFormat } from '#core/exports/export-table.ts';

/** The most rows one worksheet holds below its header (Excel's 1,048,576 rows less one). */
export const SHEET_ROWS_MAX = 1_048_575;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would read this text as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The table as the bytes of a file in the format asked for. */
export async function writeTable(table: BoundTable, format: ExportFormat, lang: Lang): Promise<Buffer> {
  return format === 'xlsx' ? writeXlsx(table, lang) : writeCsv(table, lang);
}

/** One worksheet named by the table's title: a bold, frozen header row, then one row per row. */
export async function writeXlsx(table: BoundTable, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Outpost';
  book.title = table.title[lang];
  const sheet = book.addWorksheet(sheetName(table.title[lang]), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((c) => c[lang]));
  header.font = { bold: true };
  table.columns.forEach((c, i) => {
    const format = excelFormat(c.format);
    if (format) sheet.getColumn(i + 1).numFmt = format;
  });
  for (const cells of table.cells) {
    const row = sheet.addRow(cells.map((v) => (v === null ? null : v)));
    cells.forEach((v, i) => {
      if (typeof v === 'string' && looksLikeFormula(v)) row.getCell(i + 1).numFmt = '@';
    });
  }
  table.columns.forEach((c, i) => {
    const longest = Math.max(
      displayWidth(c[lang]),
      ...table.cells.slice(0, 200).map((r) => displayWidth(String(r[i] ?? ''))),
    );
    sheet.getColumn(i + 1).width = Math.min(50, Math.max(8, longest + 2));
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF line ends. */
export function writeCsv(table: BoundTable, lang: Lang): Buffer {
  const lines = [table.columns.map((c) => csvField(c[lang])).join(',')];
  for (const cells of table.cells) lines.push(cells.map((v) => csvField(csvText(v))).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvText(v: ExportCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return looksLikeFormula(v) ? `'${v}` : v;
  return String(v);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A worksheet name: at most 31 characters, none of []:*?/\. */
function sheetName(wanted: string): string {
  return (
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet1'
  );
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}
