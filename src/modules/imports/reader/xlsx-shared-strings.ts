import type { XmlAttributes, XmlHandler } from './xml-tokenizer.ts';

/**
 * A workbook's shared strings (xl/sharedStrings.xml), the table its cells' `t="s"` refer to
 * by index. Held in memory, packed: strings are joined into segments of {@link SEGMENT} with
 * their end offsets, so a table of a million short strings costs its characters and 4 bytes each
 * rather than a million string objects.
 *
 * @example
 * const strings = new SharedStrings();
 * const tokenizer = new XmlTokenizer(strings); // fed xl/sharedStrings.xml
 * strings.get(0) // 'code'
 */
export class SharedStrings implements XmlHandler {
  private readonly segments: string[] = [];
  private readonly ends: Int32Array[] = [];
  private current: string[] = [];
  private count = 0;

  // The <si> being read: its plain text, its rich-text runs, the <t> being read.
  private plain: string | undefined;
  private runs: string[] | undefined;
  private run: string | undefined;
  private inRun = false;
  private phonetic = 0;
  private t: string | undefined;

  get size(): number {
    return this.count;
  }

  /** The string at `index`, or undefined when there is none. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const segment = index >>> SEGMENT_BITS;
    if (segment === this.segments.length) return this.current[index & SEGMENT_MASK];
    const ends = this.ends[segment];
    const k = index & SEGMENT_MASK;
    return this.segments[segment].slice(k === 0 ? 0 : ends[k - 1], ends[k]);
  }

  open(name: string, _attributes: XmlAttributes): void {
    if (name === 'si') {
      this.plain = this.runs = undefined;
      this.inRun = false;
      this.phonetic = 0;
    } else if (name === 'rPh') this.phonetic++;
    else if (this.phonetic > 0) return;
    else if (name === 'r') {
      this.inRun = true;
      this.run = undefined;
    } else if (name === 't') this.t = '';
  }

  text(text: string): void {
    if (this.t !== undefined && this.phonetic === 0) this.t += text;
  }

  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (this.phonetic > 0) return;
    else if (name === 't') {
      // As exceljs reads them: a run's or the item's last <t>, its _xHHHH_ escapes decoded.
      const text = unescapeXstring(this.t ?? '');
      if (this.inRun) this.run = text;
      else this.plain = text;
      this.t = undefined;
    } else if (name === 'r') {
      (this.runs ??= []).push(this.run ?? '');
      this.inRun = false;
    } else if (name === 'si') this.add(this.runs ? this.runs.join('') : (this.plain ?? ''));
  }

  private add(text: string): void {
    this.current.push(text);
    this.count++;
    if (this.current.length === SEGMENT) this.pack();
  }

  private pack(): void {
    const ends = new Int32Array(this.current.length);
    let end = 0;
    this.current.forEach((text, i) => (ends[i] = end += text.length));
    this.segments.push(this.current.join(''));
    this.ends.push(ends);
    this.current = [];
  }
}

const SEGMENT_BITS = 12;
/** Strings per packed segment. */
const SEGMENT = 1 << SEGMENT_BITS;
const SEGMENT_MASK = SEGMENT - 1;

/** A SpreadsheetML string with its `_xHHHH_` escapes (for characters XML cannot hold) decoded. */
export function unescapeXstring(text: string): string {
  if (text.indexOf('_x') === -1) return text;
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
