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

/** Writes the bytes (atomically, once per digest) and says where they are. */
export function storeEvidence(dir: string, bytes: Buffer): StoredFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const relative = path.join(sha256.slice(0, 2), sha256);
  const full = path.join(dir, relative);
  if (!fs.existsSync(full)) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, full);
  }
  return { path: relative, sha256, size: bytes.length };
}

/** Reads a stored file back, checking it is still the file that was stored. */
export function readEvidence(dir: string, file: { path: string; sha256: string }): Buffer {
  const full = path.join(dir, file.path);
  if (!full.startsWith(path.resolve(dir) + path.sep))
    throw new AppError('internal', 'an evidence path leaves the evidence folder');
  if (!fs.existsSync(full)) throw new AppError('not_found', `the evidence file ${file.path} is missing from ${dir}`);
  const bytes = fs.readFileSync(full);
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256)
    throw new AppError('internal', `the evidence file ${file.path} no longer matches its SHA-256`);
  return bytes;
}
