/**
 * JSON lines written to a gzip file made of consecutive members, each compressed its own way;
 * gunzip reads the members as one stream. Memory stays bounded: a write waits while the
 * compressor is behind.
 *
 * @example
 *   const out = new GzipLines(file, { level: 6 });
 *   await out.write({ table: 'areas' });
 *   await out.member({ strategy: zlib.constants.Z_HUFFMAN_ONLY });
 *   await out.end();
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';

export class GzipLines {
  private readonly out: fs.WriteStream;
  private gzip!: zlib.Gzip;
  private piped!: Promise<void>;

  constructor(file: string, options: zlib.ZlibOptions) {
    this.out = fs.createWriteStream(file);
    this.start(options);
  }

  async write(value: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(value)}\n`)) await once(this.gzip, 'drain');
  }

  /** Ends the member being written and starts the next with other settings. */
  async member(options: zlib.ZlibOptions): Promise<void> {
    this.gzip.end();
    await this.piped;
    this.start(options);
  }

  async end(): Promise<void> {
    this.gzip.end();
    await this.piped;
    this.out.end();
    await finished(this.out);
  }

  /** Stops writing after a failure; the file is left for the caller to remove. */
  async destroy(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await this.piped.catch(() => {});
  }

  private start(options: zlib.ZlibOptions): void {
    this.gzip = zlib.createGzip(options);
    this.piped = pipeline(this.gzip, this.out, { end: false });
    // Awaited when the member ends; until then a failed write (a full disk) must not surface as
    // an unhandled rejection: the waiting write sees the compressor destroyed with the error.
    this.piped.catch(() => {});
  }
}
