import { dateText, serialDate } from './cell-text.ts';
import { XlsxError } from './xlsx-workbook.ts';
import { entryChunks, type ZipArchive, type ZipEntry } from './zip-archive.ts';
import { XmlTokenizer, type XmlAttributes, type XmlHandler } from './xml-tokenizer.ts';

/**
 * A range of merged cells. As exceljs read them, every cell of the range but the top-left one
 * (the master) shows the master's value, whatever it holds itself, on rows of the range that
 * have no cells in the file too; a formula's number shows as a date in a cell styled as one.
 */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The master's text, once its row is read ('' when it has none). */
  text: string;
  /** The master's number when it is a formula's result not already shown as a date. */
  serial?: number;
}

/** The text a cell of `merge` other than its master shows, `date` telling whether its own style is a date. */
export function slaveText(merge: MergeRange, date: boolean, date1904: boolean): string {
  return date && merge.serial !== undefined ? dateText(serialDate(merge.serial, date1904)) : merge.text;
}

/**
 * The merged ranges of a worksheet, sorted by top row. They are listed after the cells, so this
 * reads the sheet's part once without parsing its rows (looking for the end of `sheetData`),
 * then parses what follows. Overlapping ranges are an error, as they were for exceljs.
 */
export async function readMerges(zip: ZipArchive, entry: ZipEntry): Promise<MergeRange[]> {
  const handler = new MergeCellsHandler();
  let tail: XmlTokenizer | undefined;
  const decoder = new TextDecoder();
  let carry = Buffer.alloc(0);
  for await (const chunk of entryChunks(zip, entry)) {
    if (tail) {
      tail.push(decoder.decode(chunk, { stream: true }));
      continue;
    }
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = sheetDataEnd(bytes);
    if (end === -1) carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - CARRY)));
    else {
      tail = new XmlTokenizer(handler, true);
      tail.push(decoder.decode(bytes.subarray(end), { stream: true }));
    }
  }
  if (tail) {
    tail.push(decoder.decode());
    tail.end();
  }
  const merges = handler.merges.sort((a, b) => a.top - b.top || a.left - b.left);
  checkOverlaps(merges);
  return merges;
}

// Enough of a chunk's end to hold `</prefix:sheetData>` cut by the next chunk.
const CARRY = 64;
const MARK = Buffer.from('sheetData>');

// Where the bytes after `</sheetData>` (or `</x:sheetData>`) start, or -1. `<` stands for
// itself only in comments and CDATA, so the tag is found without parsing what precedes it; a
// `</sheetData>` in a comment or CDATA would only make the tail parsed longer than it need be.
function sheetDataEnd(bytes: Buffer): number {
  for (let at = bytes.indexOf(MARK); at !== -1; at = bytes.indexOf(MARK, at + 1)) {
    let i = at - 1;
    if (bytes[i] === 0x3a /* : */) {
      while (i > 0 && isNameByte(bytes[i - 1])) i--;
      i--;
    }
    if (bytes[i] === 0x2f /* / */ && bytes[i - 1] === 0x3c /* < */) return at + MARK.length;
  }
  return -1;
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) || b === 0x5f || b === 0x2d || b === 0x2e
  );
}

class MergeCellsHandler implements XmlHandler {
  readonly merges: MergeRange[] = [];

  open(name: string, attributes: XmlAttributes): void {
    if (name !== 'mergeCell' || !attributes.ref) return;
    const [from, to = from] = attributes.ref.split(':').map(cellAt);
    if (!from || !to) throw new XlsxError(`a merged range "${attributes.ref}" that is no range of cells`);
    const merge = {
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
      text: '',
    };
    if (merge.bottom > merge.top || merge.right > merge.left) this.merges.push(merge);
  }

  close(): void {}
  text(): void {}
}

function checkOverlaps(merges: MergeRange[]): void {
  let active: MergeRange[] = [];
  for (const merge of merges) {
    active = active.filter((m) => m.bottom >= merge.top);
    const other = active.find((m) => m.left <= merge.right && merge.left <= m.right);
    if (other) throw new XlsxError(`merged ranges overlap (${rangeName(other)} and ${rangeName(merge)})`);
    active.push(merge);
  }
}

function rangeName(m: MergeRange): string {
  return `${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`;
}

/** The column number (A = 1) of a cell reference such as `B12` or `$B$12`; 0 if it has none. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else if (c !== 0x24 /* $ */ || col > 0) break;
  }
  return col;
}

function cellAt(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnOf(m[1]) } : undefined;
}

export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
