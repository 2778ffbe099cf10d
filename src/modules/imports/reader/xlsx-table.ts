import { AppError } from '../../../shared/errors.ts';
import { rejected, tableFrom, type Table, type TableRow } from './table.ts';
import { coded } from '#core/errors/registry.ts';
import { sheetRows } from './xlsx-sheet.ts';
import { openWorkbook, type XlsxSheet, type XlsxWorkbook } from './xlsx-workbook.ts';

// Workbooks are streamed by a reader of our own (xlsx-workbook.ts, xlsx-sheet.ts): a sheet costs
// the memory of a chunk of its rows whatever its length, and only the shared strings are held
// whole. exceljs's streaming reader was not used because it sometimes loses xl/workbook.xml
// (exceljs issue #3064, about 1 read in 100 here); its whole-workbook reader held every row.

/** A worksheet opened up to its first non-empty row (the header), and the rows after it. */
interface OpenedSheet {
  header: string[] | undefined;
  rows: AsyncGenerator<TableRow[]>;
  /** The rows read with the header, in the same batch. */
  pending: TableRow[];
}

/** Opens one worksheet (the named one, or the first) as a Table. */
export async function openXlsx(path: string, file: string, sheetName?: string): Promise<Table> {
  const book = await workbookAt(path, file);
  const sheet = sheetName === undefined ? book.sheets[0] : book.sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    const sheets = book.sheets.map((s) => s.name);
    throw rejected(file, 1, '(file)', coded('sheet_not_found', { sheet: String(sheetName), sheets }));
  }
  const { header, rows, pending } = await openSheet(book, sheet, file);
  if (header === undefined) {
    throw rejected(file, `${sheet.name}:1`, '(file)', coded('sheet_empty', {}));
  }
  return tableFrom(file, header, rows, pending);
}

/** Every non-empty worksheet of a workbook as a Table, one after the other. */
export async function* xlsxTables(path: string, file: string): AsyncGenerator<{ name: string; table: Table }> {
  const book = await workbookAt(path, file);
  for (const sheet of book.sheets) {
    const { header, rows, pending } = await openSheet(book, sheet, file);
    if (header === undefined) continue;
    let ended = false;
    const guard = () => {
      if (ended) throw new Error(`${file}: sheet "${sheet.name}" was left for the next sheet`);
    };
    try {
      yield { name: sheet.name, table: tableFrom(file, header, rows, pending, guard) };
    } finally {
      ended = true;
      await rows.return(undefined);
    }
  }
}

async function workbookAt(path: string, file: string): Promise<XlsxWorkbook> {
  try {
    return await openWorkbook(path);
  } catch (error) {
    throw xlsxError(error, file);
  }
}

async function openSheet(book: XlsxWorkbook, sheet: XlsxSheet, file: string): Promise<OpenedSheet> {
  const shape = { width: 0 };
  const rows = tableRows(book, sheet, file, shape);
  for (;;) {
    const next = await rows.next();
    if (next.done) return { header: undefined, rows, pending: [] };
    if (next.value.length === 0) continue;
    const [first, ...rest] = next.value;
    shape.width = first.cells.length;
    for (const row of rest) padTo(row.cells, shape.width);
    return { header: first.cells, rows, pending: rest };
  }
}

// The sheet's rows as table rows, `sheet:row` their line, short rows padded to the header's width.
async function* tableRows(
  book: XlsxWorkbook,
  sheet: XlsxSheet,
  file: string,
  shape: { width: number },
): AsyncGenerator<TableRow[]> {
  try {
    for await (const batch of sheetRows(book, sheet)) {
      yield batch.map(({ number, cells }) => ({ line: `${sheet.name}:${number}`, cells: padTo(cells, shape.width) }));
    }
  } catch (error) {
    throw xlsxError(error, file);
  }
}

function padTo(cells: string[], width: number): string[] {
  while (cells.length < width) cells.push('');
  return cells;
}

function xlsxError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return rejected(file, 1, '(file)', coded('file_not_found', {}));
  const detail = error instanceof Error ? error.message : String(error);
  return rejected(file, 1, '(file)', coded('xlsx_unreadable', { detail }), true);
}
