/**
 * Evidence files on disk, named by their SHA-256 under one folder: `OUTPOST_EVIDENCE_DIR`, else
 * `evidence/` beside a SQLite database, else `./data/evidence` (PostgreSQL). The database keeps
 * the path, digest and size; the same file uploaded twice is stored once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';

export function evidenceDir(db: Pick<Database, 'engine' | 'url'>, env: NodeJS.ProcessEnv = process.env): string {
  if (env.OUTPOST_EVIDENCE_DIR) return path.resolve(env.OUTPOST_EVIDENCE_DIR);
  if (db.engine === 'sqlite' && db.url !== ':memory:') return path.join(path.dirname(path.resolve(db.url)), 'evidence');
  return path.resolve('data', 'evidence');
}

export interface StoredFile {
  /** Relative to the evidence folder. */
  path: string;
  sha256: string;
  size: number;
}

/** Where the file of a digest lives, relative to the evidence folder. */
export function evidencePath(sha256: string): string {
  return path.join(sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes (atomically, once per digest) and says where they are. The file and its
 * folder are synced before this returns: the database row that names the file is committed
 * after it, and must never outlive the file in a crash.
 */
export function storeEvidence(dir: string, bytes: Buffer): StoredFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const relative = evidencePath(sha256);
  const full = path.join(dir, relative);
  if (!fs.existsSync(full)) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, full);
    syncFolder(path.dirname(full));
  }
  return { path: relative, sha256, size: bytes.length };
}

/** Makes a rename in `folder` durable (a no-op where folders cannot be opened to sync). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms refuse to sync a folder; the file itself is synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes a file of a known digest from chunks, so a large file never sits in memory whole: into a
 * temporary file first, renamed into place only when the bytes match the digest, and synced so
 * that a database committed after it never refers to a file the disk lost.
 */
export async function writeEvidence(dir: string, sha256: string, chunks: AsyncIterable<Buffer>): Promise<StoredFile> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('evidence_bad_digest', { sha256 });
  const relative = evidencePath(sha256);
  const full = path.join(dir, relative);
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
  const hash = createHash('sha256');
  let size = 0;
  const handle = await fs.promises.open(tmp, 'w');
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
    const actual = hash.digest('hex');
    if (actual !== sha256) throw new AppError('evidence_hash_mismatch', { file: relative, actual });
    await fs.promises.rename(tmp, full);
    syncFolder(path.dirname(full));
  } catch (e) {
    await handle.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  return { path: relative, sha256, size };
}

/** The full path of a stored file, which must exist and stay inside the folder. */
export function evidenceFile(dir: string, file: { path: string }): string {
  const full = path.join(dir, file.path);
  if (!full.startsWith(path.resolve(dir) + path.sep))
    throw new AppError('internal_error', { detail: 'an evidence path leaves the evidence folder' });
  if (!fs.existsSync(full)) throw new AppError('evidence_missing', { file: file.path, dir });
  return full;
}

/** Reads a stored file back, checking it is still the file that was stored. */
export function readEvidence(dir: string, file: { path: string; sha256: string }): Buffer {
  const bytes = fs.readFileSync(evidenceFile(dir, file));
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new AppError('evidence_corrupt', { file: file.path });
  return bytes;
}
