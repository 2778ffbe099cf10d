import { dateText, numberText, serialDate } from './cell-text.ts';
import { columnName, columnOf, readMerges, slaveText, type MergeRange } from './xlsx-merges.ts';
import { unescapeXstring } from './xlsx-shared-strings.ts';
import { XlsxError, type XlsxSheet, type XlsxWorkbook } from './xlsx-workbook.ts';
import { entryChunks } from './zip-archive.ts';
import { XmlError, xmlText, XmlTokenizer, type XmlAttributes, type XmlHandler } from './xml-tokenizer.ts';

/** A row of a worksheet that shows something: its number and its cells' text, up to the last non-empty one. */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** Rows between two read rows that only merged ranges fill: made when the rows are taken. */
interface MergedGap {
  from: number;
  to: number;
  merges: MergeRange[];
}

const MAX_COLUMN = 16_384; // XFD
const GAP_BATCH = 1024;

/**
 * The rows of a worksheet, streamed from its part in batches (one per chunk read), with each
 * cell's text as an import reads it: shared and inline strings, numbers as Excel shows them,
 * dates by the cell's style in the workbook's date system, booleans `TRUE`/`FALSE`, errors
 * (`#N/A`), formulas by their cached result; merged cells as exceljs gave them (see
 * {@link MergeRange}). Rows with no text are left out. Rows must come in order, as Excel
 * requires; one that does not is an error.
 *
 * @example
 * for await (const batch of sheetRows(book, book.sheets[0])) for (const row of batch) use(row);
 */
export async function* sheetRows(book: XlsxWorkbook, sheet: XlsxSheet): AsyncGenerator<SheetRow[]> {
  let parser: SheetParser | undefined;
  try {
    parser = new SheetParser(book, await readMerges(book.zip, sheet.entry));
    const tokenizer = new XmlTokenizer(parser);
    for await (const text of xmlText(entryChunks(book.zip, sheet.entry))) {
      tokenizer.push(text);
      yield* parser.take();
    }
    tokenizer.end();
    parser.end();
    yield* parser.take();
  } catch (error) {
    if (!(error instanceof XlsxError || error instanceof XmlError)) throw error;
    const row = parser && parser.row > 0 ? `, row ${parser.row}` : '';
    throw new XlsxError(`sheet "${sheet.name}"${row}: ${error.message}`);
  }
}

class SheetParser implements XmlHandler {
  /** The row being read, or the last one read. */
  row = 0;
  private cells: string[] = [];
  private out: (SheetRow | MergedGap)[] = [];
  private inSheetData = false;
  private rowDate = false;
  // Columns whose style is a date (for cells a merged range makes where the file has none).
  private readonly dateColumns: [number, number][] = [];

  // The cell being read.
  private col = 0;
  private type: string | undefined;
  private style = 0;
  private formula = false;
  private v: string | undefined;
  private plain: string | undefined;
  private runs: string[] | undefined;
  private inRun = false;
  private phonetic = 0;
  private into: 'v' | 'f' | 't' | undefined;

  // Merged ranges: those still to come (by top row), those over the current row, and for the
  // current row the columns of cells the file has, with whether their style is a date.
  private next = 0;
  private active: MergeRange[] = [];
  private readonly present = new Map<number, boolean>();

  constructor(
    private readonly book: XlsxWorkbook,
    private readonly merges: MergeRange[],
  ) {}

  /** The rows read so far, in batches, emptying the queue. */
  *take(): Generator<SheetRow[]> {
    const queue = this.out;
    this.out = [];
    let batch: SheetRow[] = [];
    for (const item of queue) {
      if ('cells' in item) batch.push(item);
      else
        for (const row of this.gapRows(item)) {
          batch.push(row);
          if (batch.length >= GAP_BATCH) {
            yield batch;
            batch = [];
          }
        }
    }
    if (batch.length > 0) yield batch;
  }

  end(): void {
    this.startRow(Infinity);
  }

  open(name: string, attributes: XmlAttributes): void {
    if (!this.inSheetData) {
      if (name === 'sheetData') this.inSheetData = true;
      else if (name === 'col') this.column(attributes);
      return;
    }
    switch (name) {
      case 'c':
        this.startCell(attributes);
        break;
      case 'v':
      case 't':
        if (this.phonetic === 0) this.into = name;
        break;
      case 'f':
        this.into = 'f';
        if (attributes.t !== undefined) this.formula = true; // a shared or array formula's other cells
        break;
      case 'r':
        this.inRun = true;
        (this.runs ??= []).push('');
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 'row': {
        const r = attributes.r === undefined ? this.row + 1 : parseInt(attributes.r, 10);
        if (!(r >= 1)) throw new XlsxError(`a row numbered "${attributes.r}"`);
        if (r <= this.row) throw new XlsxError(`row ${r} comes after row ${this.row}: rows must be in order`);
        this.startRow(r);
        const s = attributes.s === undefined ? 0 : parseInt(attributes.s, 10);
        this.rowDate = s > 0 && this.book.dateStyles[s] === true;
        break;
      }
    }
  }

  text(text: string): void {
    switch (this.into) {
      case 'v':
        this.v = this.v === undefined ? text : this.v + text;
        break;
      case 't':
        if (this.inRun) this.runs![this.runs!.length - 1] += text;
        else this.plain = this.plain === undefined ? text : this.plain + text;
        break;
      case 'f':
        if (text.length > 0) this.formula = true;
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c':
        this.endCell();
        break;
      case 'v':
      case 't':
      case 'f':
        this.into = undefined;
        break;
      case 'r':
        this.inRun = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'row':
        this.endRow();
        break;
      case 'sheetData':
        this.inSheetData = false;
        break;
    }
  }

  private column(attributes: XmlAttributes): void {
    const style = parseInt(attributes.style, 10);
    if (style > 0 && this.book.dateStyles[style]) {
      this.dateColumns.push([parseInt(attributes.min, 10), parseInt(attributes.max, 10)]);
    }
  }

  private startCell(attributes: XmlAttributes): void {
    const col = attributes.r === undefined ? this.col + 1 : columnOf(attributes.r);
    if (!(col > 0 && col <= MAX_COLUMN)) throw new XlsxError(`a cell reference "${attributes.r}" that is no cell`);
    this.col = col;
    this.type = attributes.t;
    this.style = attributes.s === undefined ? 0 : parseInt(attributes.s, 10);
    this.formula = false;
    this.v = this.plain = this.runs = undefined;
    this.inRun = false;
    this.phonetic = 0;
  }

  private endCell(): void {
    const { book, type } = this;
    const date = this.style > 0 && book.dateStyles[this.style] === true;
    const has = this.v !== undefined || this.plain !== undefined || this.runs !== undefined;
    let text = '';
    let serial: number | undefined;
    if (has) {
      const raw = (this.v ?? '') + (this.plain ?? '');
      // A formula's cached result is a string, a boolean, an error or else a number.
      switch (this.formula ? (type === 'str' || type === 'b' || type === 'e' ? type : 'n') : type) {
        case 's':
          text = this.sharedString(raw);
          break;
        case 'str':
        case 'e':
          text = raw;
          break;
        case 'b':
          text = parseInt(raw, 10) !== 0 ? 'TRUE' : 'FALSE';
          break;
        case 'inlineStr':
          text = unescapeXstring(this.runs ? (this.plain ?? '') + this.runs.join('') : raw);
          break;
        case 'd':
          text = isoDateText(raw);
          break;
        default: {
          const n = parseFloat(raw);
          if (date) text = dateText(serialDate(n, book.date1904));
          else {
            text = numberText(n);
            if (this.formula) serial = n;
          }
        }
      }
    }
    if (this.active.length > 0 && this.merged(text, serial, has || this.style > 0, date)) return;
    this.put(this.col, text);
  }

  private sharedString(raw: string): string {
    const text = this.book.strings.get(parseInt(raw, 10));
    if (text !== undefined) return text;
    const ref = `${columnName(this.col)}${this.row}`;
    throw new XlsxError(`cell ${ref} refers to shared string ${raw.trim()}, which there is not`);
  }

  private endRow(): void {
    if (this.active.length > 0) this.fillMerged();
    const { cells } = this;
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) this.out.push({ number: this.row, cells });
    this.cells = [];
    this.col = 0;
  }

  private put(col: number, text: string): void {
    const { cells } = this;
    if (text === '' && col > cells.length) return;
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = text;
  }

  // Row `r` begins: the rows before it that merged ranges fill, then the ranges over it.
  private startRow(r: number): void {
    if (this.active.length > 0 && r > this.row + 1) {
      const filling = this.active.filter((m) => m.bottom > this.row && (m.text !== '' || m.serial !== undefined));
      if (filling.length > 0) this.out.push({ from: this.row + 1, to: r - 1, merges: filling });
    }
    if (r === Infinity) return;
    this.row = r;
    this.active = this.active.filter((m) => m.bottom >= r);
    while (this.next < this.merges.length && this.merges[this.next].top <= r) {
      const merge = this.merges[this.next++];
      if (merge.bottom >= r) this.active.push(merge);
    }
    this.present.clear();
  }

  // A cell inside a merged range: the master's value is kept for the others, which only note
  // that the file has them (their own value gives way to the master's). True when handled.
  private merged(text: string, serial: number | undefined, present: boolean, date: boolean): boolean {
    const merge = this.active.find((m) => m.left <= this.col && this.col <= m.right);
    if (!merge) return false;
    if (merge.top === this.row && merge.left === this.col) {
      merge.text = text;
      merge.serial = serial;
      return false;
    }
    if (present) this.present.set(this.col, date);
    return true;
  }

  private fillMerged(): void {
    for (const merge of this.active) {
      for (let col = merge.left; col <= merge.right; col++) {
        if (merge.top === this.row && merge.left === col) continue;
        const date = this.present.get(col) ?? (this.rowDate || this.dateColumn(col));
        this.put(col, slaveText(merge, date, this.book.date1904));
      }
    }
  }

  private *gapRows({ from, to, merges }: MergedGap): Generator<SheetRow> {
    const last = merges.reduce((n, m) => Math.max(n, Math.min(to, m.bottom)), 0);
    for (let row = from; row <= last; row++) {
      const cells: string[] = [];
      for (const merge of merges) {
        if (merge.bottom < row) continue;
        for (let col = merge.left; col <= merge.right; col++) {
          const text = slaveText(merge, this.dateColumn(col), this.book.date1904);
          while (cells.length < col - 1) cells.push('');
          cells[col - 1] = text;
        }
      }
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      if (cells.length > 0) yield { number: row, cells };
    }
  }

  private dateColumn(col: number): boolean {
    return this.dateColumns.some(([min, max]) => min <= col && col <= max);
  }
}

// A `t="d"` cell holds an ISO 8601 date; without a zone it is the time Excel shows, read as UTC.
function isoDateText(raw: string): string {
  const value = raw.trim();
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) || !value.includes('T');
  const date = new Date(zoned ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? value : dateText(date);
}
