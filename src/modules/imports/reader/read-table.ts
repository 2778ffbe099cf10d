import { basename } from 'node:path';
import { openCsv } from './csv-table.ts';
import { rejected, type Table } from './table.ts';
import { coded } from '#core/errors/registry.ts';
import { openXlsx, xlsxTables } from './xlsx-table.ts';

export type { Table, TableRow } from './table.ts';

/** The longest record a CSV file may hold, by default (1 MiB). */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/**
 * Opens an import file as a header and a stream of rows, in constant memory: `.csv`, `.csv.gz`
 * (UTF-8 with or without a BOM, or GB18030/GBK, detected) or `.xlsx` (the sheet named
 * `opts.sheet`, else the first). Every failure is an `AppError('file_rejected')` with one
 * RowError naming the file and line, thrown here when it is in the header and from `rows`
 * otherwise.
 *
 * @example
 * const table = await openTable('in/units.csv');
 * for await (const { line, cells } of table.rows) check(table.header, line, cells);
 */
export async function openTable(path: string, opts: { sheet?: string; maxLineBytes?: number } = {}): Promise<Table> {
  const file = basename(path);
  const name = file.toLowerCase();
  if (name.endsWith('.xlsx')) return openXlsx(path, file, opts.sheet);
  if (name.endsWith('.csv') || name.endsWith('.csv.gz')) {
    return openCsv(path, file, opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  }
  throw rejected(file, 1, '(file)', coded('not_import_file', {}));
}

/**
 * One Table per non-empty worksheet of a workbook, in the workbook's order; rows' `line` is
 * `sheet:row`. The workbook is streamed: read a sheet's rows before taking the next sheet
 * (taking it ends the rows left of the one before).
 *
 * @example
 * for await (const { name, table } of xlsxSheets('in/book.xlsx')) await importKind(name, table);
 */
export async function* xlsxSheets(path: string): AsyncIterable<{ name: string; table: Table }> {
  yield* xlsxTables(path, basename(path));
}
