/**
 * A table of the web as it is exported (XLSX and CSV): its columns declared once, each with its
 * Chinese and English header, how its figures are shown, and how a cell is taken from a row of
 * the route's JSON answer. Cells hold the answer's own values (codes, full-precision numbers,
 * booleans, dates as text), so an export read back equals the JSON cell by cell; only the
 * headers are translated.
 *
 * @example
 *   const table = defineTable<{ code: string; rate: number }>('rates', { zh: '比率', en: 'Rates' }, [
 *     col('code', '代码', 'Code', 'text', (r) => r.code),
 *     col('rate', '比率', 'Rate', 'percent', (r) => r.rate),
 *   ]);
 *   headerOf(table, 'zh') // ['代码', '比率']
 */
import { z } from 'zod';
import type { ColumnFormat, Lang } from '../documents/document.ts';

/** What one exported cell holds: text, a number, a yes/no, or nothing. */
export type ExportCell = string | number | boolean | null;

export interface ExportColumn<Row> {
  key: string;
  zh: string;
  en: string;
  format: ColumnFormat;
  value: (row: Row) => ExportCell;
}

export interface ExportTable<Row> {
  /** Names the file and the sheet. */
  id: string;
  title: { zh: string; en: string };
  columns: ExportColumn<Row>[];
}

/** The formats a table downloads as; `json` is the route's ordinary answer. */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The query parameters every exportable route takes beside its own: `format` (json, the
 * default; xlsx; csv) and `lang` (of the headers: zh, the default, or en).
 */
export const exportParams = {
  format: z.enum(['json', ...EXPORT_FORMATS]).default('json'),
  lang: z.enum(['zh', 'en']).default('zh'),
};
export type ExportParams = { format: 'json' | ExportFormat; lang: Lang };

/** A column: key, Chinese and English header, format, and the cell of a row. */
export function col<Row>(
  key: string,
  zh: string,
  en: string,
  format: ColumnFormat,
  value: (row: Row) => ExportCell,
): ExportColumn<Row> {
  return { key, zh, en, format, value };
}

export function defineTable<Row>(
  id: string,
  title: { zh: string; en: string },
  columns: ExportColumn<Row>[],
): ExportTable<Row> {
  return { id, title, columns };
}

/** The header row in a language. */
export function headerOf<Row>(table: ExportTable<Row>, lang: Lang): string[] {
  return table.columns.map((c) => c[lang]);
}

/** The cells of one row, in column order. */
export function cellsOf<Row>(table: ExportTable<Row>, row: Row): ExportCell[] {
  return table.columns.map((c) => c.value(row));
}

/** A list of codes or names in one cell, as the import formats write lists (`covers`). */
export function listCell(values: readonly string[]): string {
  return values.join(';');
}

/** A table with its rows made into cells: what the XLSX and CSV writers take. */
export interface BoundTable {
  id: string;
  title: { zh: string; en: string };
  columns: Omit<ExportColumn<never>, 'value'>[];
  cells: ExportCell[][];
}

/** The rows of a table as cells, in column order. */
export function bindRows<Row>(table: ExportTable<Row>, rows: readonly Row[]): BoundTable {
  return {
    id: table.id,
    title: table.title,
    columns: table.columns.map(({ key, zh, en, format }) => ({ key, zh, en, format })),
    cells: rows.map((r) => cellsOf(table, r)),
  };
}
