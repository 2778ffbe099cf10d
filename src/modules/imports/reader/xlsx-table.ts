import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import { cellText } from './cell-text.ts';
import { rejected, tableFrom, type Table, type TableRow } from './table.ts';

/** One worksheet as read from the stream: its first non-empty row, then the rest. */
interface SheetCursor {
  name: string;
  header: string[] | undefined;
  rows: AsyncGenerator<TableRow[]>;
}

// A worksheet as its rows, with the names the workbook gives it.
interface WorksheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  id?: number | string;
}

/**
 * The worksheets of a workbook in file order. The workbook is read whole: exceljs's streaming
 * reader sometimes loses xl/workbook.xml (exceljs issue #3064, about 1 read in 100 here), and a
 * reader that fails at random is worse than one that holds a sheet in memory. CSV stays the way
 * to import files too large for that.
 */
async function* sheetCursors(path: string, file: string): AsyncGenerator<SheetCursor> {
  await checkZipEnd(path, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw xlsxError(error, file);
  }
  const is1904 = date1904(workbook);
  for (const worksheet of workbook.worksheets) {
    const sheet = rowsOf(worksheet);
    const name = worksheet.name ?? `sheet${worksheet.id ?? ''}`;
    const shape = { width: 0 };
    const rows = sheetRows(sheet, name, file, () => is1904, shape);
    const first = await rows.next();
    const header = first.done ? undefined : trimEnd(first.value[0].cells);
    shape.width = header?.length ?? 0;
    yield { name, header, rows };
    await rows.return(undefined);
  }
}

/** A loaded worksheet's rows in order, as the stream reader would give them. */
function rowsOf(worksheet: ExcelJS.Worksheet): WorksheetReader {
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
  return {
    name: worksheet.name,
    id: worksheet.id,
    async *[Symbol.asyncIterator]() {
      yield* rows;
    },
  };
}

async function* sheetRows(
  sheet: WorksheetReader,
  name: string,
  file: string,
  date1904: () => boolean,
  shape: { width: number },
): AsyncGenerator<TableRow[]> {
  try {
    for await (const row of sheet) {
      const cells: string[] = [];
      row.eachCell((cell, col) => {
        const text = cellText(cell.value, cell.numFmt, date1904());
        if (text === '') return;
        while (cells.length < col - 1) cells.push('');
        cells[col - 1] = text;
      });
      if (cells.length === 0) continue;
      while (cells.length < shape.width) cells.push('');
      yield [{ line: `${name}:${row.number}`, cells }];
    }
  } catch (error) {
    throw xlsxError(error, file);
  }
}

/** Opens one worksheet (the named one, or the first) as a Table. */
export async function openXlsx(path: string, file: string, sheetName?: string): Promise<Table> {
  const sheets = sheetCursors(path, file);
  const names: string[] = [];
  for (;;) {
    const next = await sheets.next();
    if (next.done) {
      const has = names.length ? names.map((n) => `"${n}"`).join(', ') : 'none';
      throw rejected(file, 1, '(file)', `no sheet is named "${sheetName}" (sheets: ${has})`);
    }
    const { name, header, rows } = next.value;
    if (sheetName !== undefined && name !== sheetName) {
      names.push(name);
      continue;
    }
    if (header === undefined) {
      await sheets.return(undefined);
      throw rejected(file, `${name}:1`, '(file)', 'the sheet is empty: a header row is required');
    }
    return tableFrom(file, header, thenClose(rows, sheets));
  }
}

/** Every non-empty worksheet of a workbook as a Table, one after the other. */
export async function* xlsxTables(path: string, file: string): AsyncGenerator<{ name: string; table: Table }> {
  for await (const { name, header, rows } of sheetCursors(path, file)) {
    if (header === undefined) continue;
    let ended = false;
    const guard = () => {
      if (ended) throw new Error(`${file}: sheet "${name}" was left for the next sheet`);
    };
    yield { name, table: tableFrom(file, header, rows, [], guard) };
    ended = true;
  }
}

// The rows of the only sheet read, closing the workbook when they end or are abandoned.
function thenClose(rows: AsyncGenerator<TableRow[]>, sheets: AsyncGenerator<unknown>): AsyncIterator<TableRow[]> {
  return {
    next: async () => {
      try {
        const next = await rows.next();
        if (next.done) await sheets.return(undefined);
        return next;
      } catch (error) {
        await sheets.return(undefined);
        throw error;
      }
    },
    return: async () => {
      await rows.return(undefined);
      await sheets.return(undefined);
      return { done: true, value: undefined };
    },
  };
}

// A streamed zip cut short leaves exceljs waiting forever on a part that never ends, so a zip
// without its end record is refused before reading; a zip's last 64 KiB hold that record.
async function checkZipEnd(path: string, file: string): Promise<void> {
  let tail: Buffer;
  try {
    const handle = await open(path);
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 22 + 0xffff);
      tail = Buffer.alloc(length);
      await handle.read(tail, 0, length, size - length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw xlsxError(error, file);
  }
  if (tail.lastIndexOf(ZIP_END) === -1) {
    throw xlsxError(new Error('no zip end record: the file is cut short or not XLSX'), file);
  }
}

const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

function trimEnd(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

function date1904(workbook: unknown): boolean {
  const props = (workbook as { properties?: { date1904?: boolean; model?: { date1904?: boolean } } }).properties;
  return props?.date1904 === true || props?.model?.date1904 === true;
}

function xlsxError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return rejected(file, 1, '(file)', 'the file does not exist');
  const detail = error instanceof Error ? error.message : String(error);
  const reason = `the file is not a readable XLSX workbook (${detail})`;
  return rejected(file, 1, '(file)', reason, `${file}: ${reason}`);
}
