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

export async function unpackedSize(path: string, file: string, limit: number): Promise<number> {
  const name = file.toLowerCase();
  if (name.endsWith('.gz')) return countOut(fs.createReadStream(path), zlib.createGunzip(), limit, file);
  if (!name.endsWith('.xlsx')) return (await fs.promises.stat(path)).size;
  let total = 0;
  for (const entry of await zipEntries(path, file)) {
    const data = fs.createReadStream(path, { start: entry.start, end: entry.start + entry.size - 1 });
    total += await countOut(data, entry.method === 8 ? zlib.createInflateRaw() : null, limit - total, file);
    if (total > limit) break;
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
      throw rejected(file, 1, '(file)', `the file is damaged: it does not unpack (${(e as Error).message})`);
    throw e;
  }
  return count;
}

interface ZipEntry {
  method: number;
  /** Where the entry's compressed bytes start, and how many there are. */
  start: number;
  size: number;
}

/** The entries of a zip, from its central directory (zip64 is refused: no workbook here needs it). */
async function zipEntries(path: string, file: string): Promise<ZipEntry[]> {
  const bad = (why: string) => rejected(file, 1, '(file)', `the file is not a readable XLSX workbook (${why})`);
  const handle = await fs.promises.open(path);
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(handle, size - tailLength, tailLength);
    const end = tail.lastIndexOf(END);
    if (end < 0 || end + 22 > tail.length) throw bad('no zip end record');
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirStart = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirStart === 0xffffffff) throw bad('a zip64 archive');
    if (dirStart + dirSize > size) throw bad('its directory lies outside it');
    const dir = await read(handle, dirStart, dirSize);
    const entries: ZipEntry[] = [];
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw bad('a damaged directory');
      const method = dir.readUInt16LE(at + 10);
      const compressed = dir.readUInt32LE(at + 20);
      const local = dir.readUInt32LE(at + 42);
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
      if (method !== 0 && method !== 8) throw bad(`compression method ${method}`);
      const header = await read(handle, local, 30);
      if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw bad('a damaged entry');
      const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (start + compressed > size) throw bad('an entry lies outside it');
      if (compressed > 0) entries.push({ method, start, size: compressed });
    }
    return entries;
  } finally {
    await handle.close();
  }
}

const END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

async function read(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
