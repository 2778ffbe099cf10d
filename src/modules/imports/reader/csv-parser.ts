import { rejected, type TableRow } from './table.ts';
import { coded } from '#core/errors/registry.ts';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

// Where the parser stands between two characters.
const START = 0; // at the start of a field
const UNQUOTED = 1; // inside an unquoted field
const QUOTED = 2; // inside a quoted field
const QUOTE_SEEN = 3; // just after a quote inside a quoted field: its end, or half of `""`
const CLOSED = 4; // after a quoted field's closing quote and a CR
type State = typeof START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_SEEN | typeof CLOSED;

/**
 * An RFC 4180 CSV parser fed decoded text in chunks of any size, keeping only the record in
 * progress between chunks. Records end at LF or CRLF; quoted fields may hold commas, `""` and
 * line ends; records whose every field is empty (blank lines, `,,,`) are skipped. A record's
 * `line` is the physical line it starts on. A record longer than `maxLineBytes` (as UTF-8,
 * excluding its final line end) is rejected as soon as it is seen, so no more than about that
 * much is ever held.
 *
 * @example
 * const p = new CsvParser('units.csv', 1 << 20);
 * const out: TableRow[] = [];
 * p.push('code,name\r\nU1,"Room ""A"", east"\r\n', out);
 * p.end(out); // [{ line: 1, cells: ['code', 'name'] }, { line: 2, cells: ['U1', 'Room "A", east'] }]
 */
export class CsvParser {
  /** Column names used in error messages once known (the header). */
  header: string[] | undefined;
  /** Physical line at the current position. */
  line = 1;
  private recordLine = 1;
  private fieldLine = 1;
  private state: State = START;
  private fields: string[] = [];
  // Text of the current field from earlier chunks or before a `""`: slices, never characters.
  private partial = '';
  // UTF-8 size of the part of the current record that came in earlier chunks.
  private carriedBytes = 0;

  constructor(
    private readonly file: string,
    private readonly maxLineBytes: number,
  ) {}

  /** Parses one chunk of text, appending the records it completes to `out`. */
  push(s: string, out: TableRow[]): void {
    const n = s.length;
    let state = this.state;
    let fields = this.fields;
    let partial = this.partial;
    let line = this.line;
    let i = 0;
    let recStart = 0;
    let fieldStart = 0;

    while (i < n) {
      if (state === START) {
        const c = s.charCodeAt(i);
        if (c === QUOTE) {
          state = QUOTED;
          this.fieldLine = line;
          fieldStart = ++i;
        } else if (c === COMMA) {
          fields.push('');
          i++;
        } else if (c === LF) {
          if (fields.length > 0) fields.push('');
          this.checkLength(s, recStart, i);
          this.emit(fields, out);
          fields = [];
          this.recordLine = ++line;
          recStart = ++i;
        } else {
          state = UNQUOTED;
          fieldStart = i;
        }
      } else if (state === UNQUOTED) {
        let c = 0;
        let j = i;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          j++;
        }
        if (j === n) {
          partial += s.slice(fieldStart, n);
          i = n;
        } else {
          let value = partial === '' ? s.slice(fieldStart, j) : partial + s.slice(fieldStart, j);
          partial = '';
          i = j + 1;
          if (c === COMMA) {
            fields.push(value);
            // Most fields are unquoted: go on scanning without a trip through START.
            const d = i < n ? s.charCodeAt(i) : QUOTE;
            if (d === QUOTE || d === COMMA || d === LF) state = START;
            else fieldStart = i;
          } else {
            state = START;
            if (value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
            fields.push(value);
            this.checkLength(s, recStart, j);
            this.emit(fields, out);
            fields = [];
            this.recordLine = ++line;
            recStart = i;
          }
        }
      } else if (state === QUOTED) {
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === LF) line++;
          j++;
        }
        partial += s.slice(fieldStart, j);
        if (j === n) {
          i = n;
        } else {
          state = QUOTE_SEEN;
          i = j + 1;
        }
      } else {
        const c = s.charCodeAt(i);
        if (c === QUOTE && state === QUOTE_SEEN) {
          state = QUOTED;
          partial += '"';
          fieldStart = ++i;
        } else if (c === COMMA) {
          fields.push(partial);
          partial = '';
          state = START;
          i++;
        } else if (c === LF) {
          fields.push(partial);
          partial = '';
          state = START;
          this.checkLength(s, recStart, i);
          this.emit(fields, out);
          fields = [];
          this.recordLine = ++line;
          recStart = ++i;
        } else if (c === CR) {
          state = CLOSED;
          i++;
        } else {
          this.line = line;
          throw rejected(this.file, line, this.columnName(fields.length), coded('quote_not_followed', {}));
        }
      }
    }

    this.state = state;
    this.fields = fields;
    this.partial = partial;
    this.line = line;
    if (recStart < n) {
      this.carriedBytes += Buffer.byteLength(s.slice(recStart));
      if (this.carriedBytes > this.maxLineBytes) throw this.tooLong();
    }
  }

  /** Ends the text: completes the last record (with or without a final line end). */
  end(out: TableRow[]): void {
    const state = this.state;
    if (state === QUOTED) {
      throw rejected(this.file, this.fieldLine, this.columnName(this.fields.length), coded('quote_never_closed', {}));
    }
    if (state === START && this.fields.length === 0) return;
    let value = this.partial;
    if (state === UNQUOTED && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
    this.fields.push(value);
    this.emit(this.fields, out);
    this.fields = [];
    this.partial = '';
    this.state = START;
  }

  private emit(fields: string[], out: TableRow[]): void {
    this.carriedBytes = 0;
    for (const f of fields) {
      if (f !== '') {
        out.push({ line: this.recordLine, cells: fields });
        return;
      }
    }
  }

  // A record ending at `end` in `s`: only measured when it could be too long, since a UTF-16
  // unit is at most 3 bytes of UTF-8.
  private checkLength(s: string, recStart: number, end: number): void {
    if (this.carriedBytes === 0 && (end - recStart) * 3 <= this.maxLineBytes) return;
    let bytes = this.carriedBytes + Buffer.byteLength(s.slice(recStart, end));
    if (end > recStart && s.charCodeAt(end - 1) === CR) bytes--;
    if (bytes > this.maxLineBytes) throw this.tooLong();
  }

  private tooLong() {
    const open = this.state === QUOTED && this.line > this.fieldLine;
    const problem = open
      ? coded('line_too_long', { bytes: this.maxLineBytes, open_line: this.fieldLine })
      : coded('line_too_long', { bytes: this.maxLineBytes });
    return rejected(this.file, this.recordLine, '(row)', problem);
  }

  private columnName(index: number): string {
    return this.header?.[index] ?? '(row)';
  }
}
