/**
 * Reads a backup back without restoring it: every line parsed, each table's rows counted against
 * its end line, each evidence file's bytes hashed against its SHA-256 and size, and the end line's
 * counts checked. A backup that passes restores (the restore checks the same and more); one that
 * fails is named with what is wrong. Memory stays bounded: one line at a time.
 *
 * @example const { tables, rows, files } = await verifyBackup('backups/outpost-2019-07-05.backup.gz');
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { createHash } from 'node:crypto';
import { AppError, coded, type CodedAs } from '../../shared/errors.ts';
import { FORMAT } from './backup.service.ts';

export interface VerifiedBackup {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  const fail = (why: CodedAs) => new AppError('backup_unreadable', { file, cause: why });
  const next = async (): Promise<unknown> => {
    const { value, done } = await it.next();
    if (done) throw fail(coded('backup_truncated', {}));
    return JSON.parse(value);
  };
  const out: VerifiedBackup = { tables: 0, rows: 0, files: 0, bytes: 0 };
  try {
    const header = (await next()) as { format?: string };
    if (header?.format !== FORMAT) throw fail(coded('backup_not_outpost', {}));
    for (;;) {
      const line = (await next()) as Record<string, unknown>;
      if (typeof line.table === 'string') {
        let n = 0;
        let row = await next();
        while (Array.isArray(row)) {
          n++;
          row = await next();
        }
        const end = row as { end?: string; rows?: number };
        if (end.end !== line.table || end.rows !== n)
          throw fail(coded('backup_row_count', { table: String(line.table), expected: String(end.rows), found: n }));
        out.tables++;
        out.rows += n;
      } else if (line.evidence) {
        const section = line.evidence as { files: number; bytes: number };
        for (let i = 0; i < section.files; i++) out.bytes += await readFile(next, fail);
        out.files += section.files;
      } else if (line.end === FORMAT) {
        if (line.tables !== out.tables || line.files !== out.files) throw fail(coded('backup_counts_mismatch', {}));
        if (!(await it.next()).done) throw fail(coded('backup_trailing', {}));
        return out;
      } else throw fail(coded('backup_stray_line', {}));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw fail(coded('backup_read_failure', { detail: (e as Error).message }));
  } finally {
    lines.close();
  }
}

async function readFile(next: () => Promise<unknown>, fail: (why: CodedAs) => AppError): Promise<number> {
  const record = (await next()) as { file?: string; sha256?: string; size?: number };
  const hash = createHash('sha256');
  let size = 0;
  let line = await next();
  while (typeof line === 'string') {
    const bytes = Buffer.from(line, 'base64');
    hash.update(bytes);
    size += bytes.length;
    line = await next();
  }
  const name = String(record.file);
  if ((line as { end?: string }).end !== record.file) throw fail(coded('backup_cut_short', { name }));
  if (size !== record.size || hash.digest('hex') !== record.sha256)
    throw fail(coded('backup_evidence_mismatch', { name }));
  return size;
}
