/**
 * The evidence files of a backup (format version 2), written after the tables so that a backup
 * restored on another machine keeps every file a user uploaded. A section line gives their count
 * and bytes; each file is a record, its bytes in base64 lines of at most CHUNK bytes (memory stays
 * bounded however large the file), and an end:
 *
 *   {"evidence":{"files":1,"bytes":40960}}
 *   {"file":"3f/3fa9…","sha256":"3fa9…","size":40960}
 *   "iVBORw0KGgo…"
 *   {"end":"3f/3fa9…","bytes":40960}
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { evidenceFile, evidencePath, writeEvidence } from '../supervision/evidence.store.ts';
import { evidenceRowsOf, referencedFiles } from './backup.repository.ts';

/**
 * Bytes per base64 line (64 KiB of text). A restore's line reader buffers at most 1,024 lines, so
 * this also bounds its memory; 12 KiB made a backup 40% slower and used no less.
 */
const CHUNK = 48 * 1024;

export type FileRef = Awaited<ReturnType<typeof referencedFiles>>[number];
export type Progress = (label: string, done: number, total?: number) => void;
export interface EvidenceSection {
  files: number;
  bytes: number;
}

const LABEL = 'evidence files (bytes)';

/**
 * Writes the section and every file, checking each against its SHA-256 as it is read. A file
 * missing or altered is an error naming it: a backup that left it out would lose it on restore,
 * and nobody would learn of it until the file was needed.
 */
export async function writeFiles(
  db: Kysely<DB>,
  dir: string,
  files: FileRef[],
  write: (value: unknown) => Promise<void>,
  progress?: Progress,
): Promise<EvidenceSection> {
  const total = files.reduce((n, f) => n + f.size, 0);
  await write({ evidence: { files: files.length, bytes: total } });
  let done = 0;
  for (const file of files) {
    let full: string;
    try {
      full = evidenceFile(dir, file);
    } catch (e) {
      if (e instanceof AppError && e.code === 'evidence_missing')
        throw new AppError('backup_evidence_missing', { file: file.path, users: await usersOf(db, file), dir });
      throw e;
    }
    await write({ file: file.path, sha256: file.sha256, size: file.size });
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of fs.createReadStream(full, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      done += chunk.length;
      await write(chunk.toString('base64'));
      progress?.(LABEL, done, total);
    }
    if (size !== file.size || hash.digest('hex') !== file.sha256)
      throw new AppError('backup_evidence_changed', { file: file.path, users: await usersOf(db, file), dir });
    await write({ end: file.path, bytes: size });
  }
  progress?.(LABEL, total, total);
  return { files: files.length, bytes: total };
}

/** The evidence rows that refer to a file, for the operator to find them. */
async function usersOf(db: Kysely<DB>, file: FileRef): Promise<{ id: number; name: string; task: number }[]> {
  const rows = await evidenceRowsOf(db, file.sha256);
  return rows.map((r) => ({ id: Number(r.id), name: r.file_name, task: Number(r.task_id) }));
}

/**
 * Reads the section's files from the backup into the evidence folder, each verified against its
 * SHA-256 before it is renamed into place. Answers the `path sha256` of every file written.
 * A file written here for a restore that fails later is harmless: it sits at the name of its own
 * digest, so it can only be the very file any database refers to by that name.
 */
export async function readFiles(
  dir: string,
  section: EvidenceSection,
  next: () => Promise<unknown>,
  progress?: Progress,
): Promise<Set<string>> {
  const written = new Set<string>();
  let done = 0;
  for (let i = 1; i <= section.files; i++) {
    const record = (await next()) as Partial<FileRef> & { file?: unknown };
    if (
      typeof record?.sha256 !== 'string' ||
      typeof record.file !== 'string' ||
      record.file !== evidencePath(record.sha256) ||
      typeof record.size !== 'number'
    )
      throw new AppError('backup_evidence_record', { index: i, total: section.files });
    const name = record.file;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (;;) {
        const line = await next();
        if (typeof line !== 'string') {
          if ((line as { end?: unknown })?.end !== name) throw new AppError('backup_cut_short', { name });
          return;
        }
        const bytes = Buffer.from(line, 'base64');
        done += bytes.length;
        progress?.(LABEL, done, section.bytes);
        yield bytes;
      }
    }
    const stored = await writeEvidence(dir, record.sha256, chunks());
    if (stored.size !== record.size)
      throw new AppError('backup_evidence_size', { name, expected: record.size, found: stored.size });
    written.add(`${name} ${record.sha256}`);
  }
  return written;
}

/** The files the restored rows refer to that the backup did not carry. */
export async function filesNotIn(db: Kysely<DB>, written: Set<string>): Promise<FileRef[]> {
  return (await referencedFiles(db)).filter((f) => !written.has(`${f.path} ${f.sha256}`));
}

/** The files the restored rows refer to that are not in the folder (a version-1 backup carries none). */
export async function filesMissingFrom(db: Kysely<DB>, dir: string): Promise<FileRef[]> {
  return (await referencedFiles(db)).filter((f) => !fs.existsSync(path.join(dir, f.path)));
}
