/**
 * A CSV file read in the browser the way the import reads it on the server: UTF-8 (with or
 * without a BOM) or else GB18030, `.csv.gz` unpacked, parsed by the server's own CSV parser,
 * the header mapped by English or Chinese column names. The result is the JSON rows that
 * `POST records/{kind}` takes, each with its physical line in the file.
 */
import { mapHeader } from '../../../src/modules/imports/header.ts';
import { CsvParser } from '../../../src/modules/imports/reader/csv-parser.ts';
import type { TableRow } from '../../../src/modules/imports/reader/table.ts';
import type { RowError } from '../../../src/shared/errors.ts';
import type { KindDef } from './kinds.ts';

export interface CsvRows {
  rows: Record<string, string>[];
  /** The physical line of each row (the header is line 1). */
  lines: number[];
  /** Problems found before anything is sent: the header, a malformed line, too many cells. */
  errors: RowError[];
}

const MAX_LINE_BYTES = 1 << 20;

/** Bytes → text: strict UTF-8 first, GB18030 (a superset of GBK) when that fails. */
export function decodeBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a File (or Blob with a name) into bytes, unpacking `.gz`. */
export async function fileBytes(file: Blob & { name: string }): Promise<Uint8Array> {
  if (!file.name.toLowerCase().endsWith('.gz')) return new Uint8Array(await file.arrayBuffer());
  const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function csvRows(fileName: string, kind: KindDef, text: string): CsvRows {
  const records: TableRow[] = [];
  try {
    const parser = new CsvParser(fileName, MAX_LINE_BYTES);
    parser.push(text, records);
    parser.end(records);
  } catch (e) {
    const details = (e as { details?: RowError[] }).details;
    return {
      rows: [],
      lines: [],
      errors: details?.length ? details : [{ file: fileName, line: 1, column: '', reason: String(e) }],
    };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], lines: [], errors: [] };
  const { map, errors } = mapHeader(fileName, kind, header.cells);
  if (!map) return { rows: [], lines: [], errors };
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  for (const record of body) {
    if (record.cells.length > header.cells.length) {
      errors.push({
        file: fileName,
        line: record.line,
        column: '(row)',
        reason: `${record.cells.length} cells under a header of ${header.cells.length}`,
      });
      continue;
    }
    const row: Record<string, string> = {};
    kind.columns.forEach((c, i) => {
      const at = map.index[i];
      if (at >= 0) row[c.name] = record.cells[at] ?? '';
    });
    rows.push(row);
    lines.push(Number(record.line));
  }
  return { rows, lines, errors };
}

/** A CSV template for a kind: its header (English or Chinese names) and an example row. */
export function templateCsv(kind: KindDef, chinese: boolean): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = kind.columns.map((c) => quote(chinese ? c.zh : c.name)).join(',');
  const example = kind.columns.map((c) => quote(c.example)).join(',');
  return `\ufeff${header}\r\n${example}\r\n`;
}

/** The rejected rows as a CSV a desk clerk can open beside the file. */
export function errorsCsv(errors: RowError[], headings: [string, string, string]): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    headings.map(quote).join(','),
    ...errors.map((e) => [String(e.line), e.column, e.reason].map(quote).join(',')),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
