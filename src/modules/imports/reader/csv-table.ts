import { createReadStream, statSync, type ReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../../shared/errors.ts';
import { CsvParser } from './csv-parser.ts';
import { rejected, tableFrom, type Table, type TableRow } from './table.ts';
import { coded } from '#core/errors/registry.ts';
import { decodeText, TextDecodingError } from './text-decoding.ts';

const READ_BYTES = 64 * 1024;

/** Opens a `.csv` or `.csv.gz` file: reads up to its header, the rest as it is iterated. */
export async function openCsv(path: string, file: string, maxLineBytes: number): Promise<Table> {
  const parser = new CsvParser(file, maxLineBytes);
  const source = createReadStream(path, { highWaterMark: READ_BYTES });
  const batches = readBatches(source, file, parser);
  for (;;) {
    const next = await batches.next();
    if (next.done) throw rejected(file, 1, '(file)', coded('file_empty', {}));
    if (next.value.length === 0) continue;
    const [first, ...rest] = next.value;
    parser.header = first.cells;
    const size = statSync(path).size;
    // The file's bytes read (a .csv.gz: packed bytes), which the rows handed out lag by a batch.
    const share = () => (size > 0 ? Math.min(1, source.bytesRead / size) : 1);
    return { ...tableFrom(file, first.cells, batches, rest), share };
  }
}

// The records of the file, a batch per chunk of text.
async function* readBatches(source: ReadStream, file: string, parser: CsvParser): AsyncGenerator<TableRow[]> {
  const gzip = /\.gz$/i.test(file);
  const bytes = gzip ? gunzip(source) : source;
  try {
    for await (const text of decodeText(bytes)) {
      const batch: TableRow[] = [];
      try {
        parser.push(text, batch);
      } finally {
        // Records before a rejected place are still given out, for their own errors to be seen.
        yield batch;
      }
    }
    const last: TableRow[] = [];
    parser.end(last);
    yield last;
  } catch (error) {
    throw readError(error, file, gzip, parser.line);
  }
}

function gunzip(source: ReadStream): AsyncIterable<Buffer> {
  const unzip = createGunzip({ chunkSize: READ_BYTES });
  // Errors of either stream end the gunzip stream with that error, which its reader then sees.
  pipeline(source, unzip, () => {});
  return unzip;
}

function readError(error: unknown, file: string, gzip: boolean, line: number): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof TextDecodingError) return rejected(file, line, '(file)', coded(error.code, {}));
  const code = (error as { code?: unknown }).code;
  if (gzip && typeof code === 'string' && code.startsWith('Z_'))
    return rejected(file, line, '(file)', coded('gzip_corrupt', {}), true);
  if (code === 'ENOENT') return rejected(file, 1, '(file)', coded('file_not_found', {}));
  if (typeof code === 'string') return rejected(file, 1, '(file)', coded('file_cannot_be_read', { code }));
  return error;
}
