import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';
import { englishOf } from '#core/errors/registry.ts';

/** How much text decides the encoding. */
export const SNIFF_BYTES = 64 * 1024;

/** A reason the bytes cannot be read as text, raised after the text before it was yielded. */
export class TextDecodingError extends Error {
  constructor(readonly code: 'text_utf16' | 'text_not_utf8' | 'text_cut_short') {
    super(englishOf(code, {}));
  }
}

interface Decoder {
  /** The text of `bytes`; on invalid input, the valid text before it, then a TextDecodingError. */
  write(bytes: Buffer): Generator<string>;
  end(): Generator<string>;
}

/**
 * Decodes a byte stream of UTF-8 (with or without a BOM) or GB18030/GBK into text chunks,
 * detecting which: the first 64 KB that are not plain ASCII decide, UTF-8 if they decode
 * strictly as UTF-8 and GB18030 otherwise. (ASCII reads the same in both, so a file whose
 * first non-ASCII byte comes late is still judged on its own non-ASCII text.) Text detected as
 * UTF-8 must stay valid UTF-8 to its end.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const it = bytes[Symbol.asyncIterator]();
  try {
    let { buffer, done } = await gather(it, Buffer.alloc(0));
    if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
      throw new TextDecodingError('text_utf16');
    }
    let decoder: Decoder | undefined;
    if (startsWith(buffer, [0xef, 0xbb, 0xbf])) {
      buffer = buffer.subarray(3);
      decoder = new StrictUtf8();
    }
    while (decoder === undefined) {
      if (isAscii(buffer)) {
        if (buffer.length > 0) yield buffer.toString('latin1');
        if (done) return;
        ({ buffer, done } = await gather(it, Buffer.alloc(0)));
        continue;
      }
      const first = buffer.findIndex((b) => b > 0x7f);
      if (first > 0) {
        yield buffer.toString('latin1', 0, first);
        buffer = buffer.subarray(first);
      }
      if (!done && buffer.length < SNIFF_BYTES) ({ buffer, done } = await gather(it, buffer));
      decoder = looksLikeUtf8(buffer, done) ? new StrictUtf8() : new Gb18030();
    }
    yield* decoder.write(buffer);
    while (!done) {
      const next = await it.next();
      if (next.done) break;
      const { buffer: bytes, byteOffset, length } = next.value;
      yield* decoder.write(Buffer.from(bytes, byteOffset, length));
    }
    yield* decoder.end();
  } finally {
    await it.return?.();
  }
}

// Reads on until at least SNIFF_BYTES are held after `start`, or the end.
async function gather(it: AsyncIterator<Uint8Array>, start: Buffer): Promise<{ buffer: Buffer; done: boolean }> {
  const parts: Uint8Array[] = [start];
  let size = start.length;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) return { buffer: Buffer.concat(parts), done: true };
    parts.push(next.value);
    size += next.value.length;
  }
  return { buffer: Buffer.concat(parts), done: false };
}

function startsWith(buffer: Buffer, prefix: number[]): boolean {
  return buffer.length >= prefix.length && prefix.every((b, i) => buffer[i] === b);
}

/** Whether a sample decodes as strict UTF-8; a character cut by the sample's end is fine. */
export function looksLikeUtf8(sample: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

class Gb18030 implements Decoder {
  private readonly decoder = iconv.getDecoder('gb18030');
  *write(bytes: Buffer): Generator<string> {
    yield this.decoder.write(bytes);
  }
  *end(): Generator<string> {
    const rest = this.decoder.end();
    if (rest) yield rest;
  }
}

// UTF-8 decoded strictly, chunk by chunk, keeping a character cut by a chunk's end for the next
// one, so that invalid bytes can be placed: the text before them is still given out.
class StrictUtf8 implements Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private tail: Buffer | undefined;

  *write(bytes: Buffer): Generator<string> {
    const buffer = this.tail ? Buffer.concat([this.tail, bytes]) : bytes;
    const cut = completeLength(buffer);
    this.tail = cut < buffer.length ? Buffer.from(buffer.subarray(cut)) : undefined;
    const body = buffer.subarray(0, cut);
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      yield this.decoder.decode(body.subarray(0, firstInvalidUtf8(body)));
      throw new TextDecodingError('text_not_utf8');
    }
    yield text;
  }

  // A generator like the other decoders' `end`, though this one only checks and yields nothing.
  // eslint-disable-next-line require-yield
  *end(): Generator<string> {
    if (this.tail) {
      throw new TextDecodingError('text_cut_short');
    }
  }
}

// The length of `buffer` without a multi-byte character cut by its end.
function completeLength(buffer: Buffer): number {
  const n = buffer.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const b = buffer[n - k];
    if ((b & 0xc0) === 0x80) continue;
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > k ? n - k : n;
  }
  return n;
}

/** Offset of the first byte that does not start a valid UTF-8 character (length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (more === 0 || i + more >= n) return i;
    const second = bytes[i + 1];
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k <= more; k++) {
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += more + 1;
  }
  return n;
}
