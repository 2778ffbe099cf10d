/**
 * How many bytes a compressed import file unpacks to, found by unpacking it as a stream (the
 * sizes a file declares are never trusted) and stopping as soon as the count passes `limit`,
 * so a small file that would unpack to gigabytes costs only the limit's worth of work. Reads
 * a gzip stream (`.csv.gz`) or every entry of a zip (`.xlsx`); the answer is `limit + 1` or
 * more when over.
 *
 * @example
 *   if ((await unpackedSize('book.xlsx', 32 << 20)) > 32 << 20) refuse();
 */
import fs from 'node:fs';
import { Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { rejected } from './table.ts';
import { coded } from '#core/errors/registry.ts';
import { entryChunks, openZip, ZipError } from './zip-archive.ts';

export async function unpackedSize(path: string, file: string, limit: number): Promise<number> {
  const name = file.toLowerCase();
  if (name.endsWith('.gz')) return countOut(fs.createReadStream(path), zlib.createGunzip(), limit, file);
  if (!name.endsWith('.xlsx')) return (await fs.promises.stat(path)).size;
  let total = 0;
  try {
    const zip = await openZip(path);
    for (const entry of zip.entries.values()) {
      // Leaving the loop early closes the entry's file (entryChunks).
      for await (const chunk of entryChunks(zip, entry)) {
        total += chunk.length;
        if (total > limit) return total;
      }
    }
  } catch (e) {
    if (e instanceof ZipError) throw rejected(file, 1, '(file)', coded('xlsx_unreadable', { detail: e.message }));
    throw e;
  }
  return total;
}

/** Bytes out of `inflate` (or of `input` itself), stopping once past `limit`. */
async function countOut(input: fs.ReadStream, inflate: Transform | null, limit: number, file: string): Promise<number> {
  let count = 0;
  const enough = new Error('enough');
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      count += chunk.length;
      done(count > limit ? enough : null);
    },
  });
  try {
    await (inflate ? pipeline(input, inflate, counter) : pipeline(input, counter));
  } catch (e) {
    if (e === enough) return count;
    if ((e as { code?: string }).code?.startsWith('Z_'))
      throw rejected(file, 1, '(file)', coded('file_does_not_unpack', { detail: (e as Error).message }));
    throw e;
  }
  return count;
}
