/**
 * Reads a zip archive (an XLSX workbook's container) entry by entry as streams, in constant
 * memory: the central directory is read from the end of the file, then each entry's data is
 * inflated as it is consumed. Stored and deflated entries, and ZIP64 archives, are read;
 * anything else (encryption, other compression methods, a cut-short file) is a {@link ZipError}
 * saying why.
 *
 * @example
 * const zip = await openZip('book.xlsx');
 * const entry = zip.entries.get('xl/workbook.xml');
 * if (entry) for await (const bytes of entryChunks(zip, entry)) parse(bytes);
 */
import fs from 'node:fs';
import { pipeline, type TransformOptions } from 'node:stream';
import zlib from 'node:zlib';

/** Why an archive cannot be read; the message says it for a person. */
export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipArchive {
  path: string;
  /** Entries by name, without a leading `/`. */
  entries: Map<string, ZipEntry>;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const DIRECTORY = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 64 * 1024;

/** Reads the directory of the zip at `path`. */
export async function openZip(path: string): Promise<ZipArchive> {
  const handle = await fs.promises.open(path);
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(handle, size - tailLength, tailLength);
    const end = endRecord(tail);
    if (end < 0) throw new ZipError('no zip end record: the file is cut short or not XLSX');
    let count = tail.readUInt16LE(end + 10);
    let dirSize = tail.readUInt32LE(end + 12);
    let dirStart = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) {
      // ZIP64: the real numbers are in a record the locator just before the end record points to.
      const at = size - tailLength + end - 20;
      const locator = at >= 0 ? await read(handle, at, 20) : Buffer.alloc(0);
      if (locator.length < 20 || locator.readUInt32LE(0) !== END64_LOCATOR) throw new ZipError('a damaged zip64 end');
      const record = await read(handle, uint64(locator, 8), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== END64) throw new ZipError('a damaged zip64 end');
      count = uint64(record, 32);
      dirSize = uint64(record, 40);
      dirStart = uint64(record, 48);
    }
    if (dirStart + dirSize > size) throw new ZipError('its directory lies outside it: the file is cut short');
    const entries = directoryEntries(await read(handle, dirStart, dirSize), count, dirStart);
    return { path, entries };
  } finally {
    await handle.close();
  }
}

/**
 * The bytes of an entry, unpacked, as they are read. Ending the iteration early closes the file.
 * Throws a ZipError when the data is damaged or unpacks to another size than the directory says.
 */
export async function* entryChunks(zip: ZipArchive, entry: ZipEntry): AsyncGenerator<Buffer> {
  const start = await dataStart(zip.path, entry);
  let count = 0;
  if (entry.compressedSize > 0) {
    const raw = fs.createReadStream(zip.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: CHUNK,
    });
    let bytes: AsyncIterable<Buffer> = raw;
    if (entry.method === 8) {
      // Room for a few chunks, so zlib (on the thread pool) unpacks ahead of the reader.
      const options: zlib.ZlibOptions & TransformOptions = { chunkSize: CHUNK, highWaterMark: 8 * CHUNK };
      const inflate = zlib.createInflateRaw(options);
      // An error of either stream ends the inflate stream with it, which the loop below sees.
      pipeline(raw, inflate, () => {});
      bytes = inflate;
    }
    try {
      for await (const chunk of bytes) {
        count += chunk.length;
        yield chunk;
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw new ZipError(`${entry.name} does not unpack (${(error as Error).message}): the file is damaged`);
      }
      throw error;
    }
  }
  if (count !== entry.size) {
    throw new ZipError(`${entry.name} unpacks to ${count} bytes, not the ${entry.size} it should: the file is damaged`);
  }
}

// The end record is the last signature whose record (with its comment) fits in the tail.
function endRecord(tail: Buffer): number {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(END);
  let at = tail.lastIndexOf(signature);
  let fallback = -1;
  while (at >= 0) {
    if (at + 22 <= tail.length) {
      if (at + 22 + tail.readUInt16LE(at + 20) === tail.length) return at;
      if (fallback < 0) fallback = at;
    }
    at = at > 0 ? tail.lastIndexOf(signature, at - 1) : -1;
  }
  return fallback;
}

function directoryEntries(dir: Buffer, count: number, dirStart: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== DIRECTORY) throw new ZipError('a damaged zip directory');
    const flags = dir.readUInt16LE(at + 8);
    const method = dir.readUInt16LE(at + 10);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + dir.readUInt16LE(at + 32);
    if (next > dir.length) throw new ZipError('a damaged zip directory');
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    const entry = {
      name,
      method,
      compressedSize: dir.readUInt32LE(at + 20),
      size: dir.readUInt32LE(at + 24),
      offset: dir.readUInt32LE(at + 42),
    };
    readZip64Extra(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    at = next;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipError(`${name} uses compression method ${method}`);
    if (entry.offset + 30 + entry.compressedSize > dirStart) throw new ZipError(`${name} lies outside the file`);
    entries.set(name, entry);
  }
  return entries;
}

// A field too large for the directory's 32 bits is 0xffffffff there and in the zip64 extra field.
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw new ZipError(`${entry.name}: a damaged zip64 field`);
        const value = uint64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    at += 4 + length;
  }
}

async function dataStart(path: string, entry: ZipEntry): Promise<number> {
  const handle = await fs.promises.open(path);
  try {
    const header = await read(handle, entry.offset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: a damaged entry`);
    return entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

function uint64(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('a zip64 size beyond any file');
  return Number(value);
}

async function read(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
