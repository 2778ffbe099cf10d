/**
 * An uploaded import file, streamed to a temporary folder of its own under the user's file name
 * (the name says the kind and the format, as a file named to the CLI does), counted against a
 * cap on the way: a length announced over the cap is refused before a byte is read, and a body
 * that grows past it is cut off there. Nothing of it is held in memory.
 *
 * @example
 *   const upload = await receiveUpload(request.body, { name: 'surveys.csv', announced, cap: UPLOAD_CAP });
 *   try { await importFile(upload.path); } finally { await upload.remove(); }
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors.ts';

export interface Upload {
  /** Where the file is: `<temporary folder>/<the user's file name>`. */
  path: string;
  bytes: number;
  /** Removes the file and its folder (never throws). */
  remove(): Promise<void>;
}

/** The base name of what the user called the file; refuses names that are no file's. */
export function uploadName(name: string): string {
  const base = name.split(/[/\\]/).pop()!.trim();
  // eslint-disable-next-line no-control-regex
  if (base === '' || base === '.' || base === '..' || /[\u0000-\u001f\u007f]/.test(base))
    throw new AppError('upload_name_invalid', { name });
  // A file system takes 255 bytes a name; 85 Chinese characters already fill it.
  if (Buffer.byteLength(base) > 200) throw new AppError('upload_name_too_long', {});
  return base;
}

export async function receiveUpload(
  body: Readable | undefined,
  options: { name: string; announced?: string; cap: number },
): Promise<Upload> {
  const name = uploadName(options.name);
  const over = (bytes: number | null) => new AppError('upload_too_large', { name, bytes, cap: options.cap });
  const announced = options.announced === undefined ? undefined : Number(options.announced);
  if (announced !== undefined && announced > options.cap) throw over(announced);
  if (!body || typeof body.pipe !== 'function') throw new AppError('body_not_file', {});
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'outpost-upload-'));
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  const file = path.join(dir, name);
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > options.cap ? over(null) : null, chunk);
    },
  });
  try {
    await pipeline(body, counter, fs.createWriteStream(file, { flags: 'wx' }));
  } catch (e) {
    await remove();
    throw uploadError(e);
  }
  return { path: file, bytes, remove };
}

function uploadError(e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOSPC') return new AppError('disk_full', { store: 'uploads' });
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || (e as Error).message === 'aborted')
    return new AppError('upload_cut_short', {});
  return e;
}
