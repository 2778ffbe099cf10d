/**
 * Backup and restore in one portable format — gzip'd JSON lines: a header, each table's columns
 * and rows, the evidence files the rows refer to (backup.evidence.ts, in a gzip member of its
 * own), and an end line — so a backup of either engine restores into either, which is also the
 * way from SQLite to PostgreSQL. A backup reads one snapshot while the server goes on writing; a
 * restore replaces everything in one transaction, or nothing. Version 1 (no files, no end line)
 * still restores.
 *
 * The key file (db/keys.ts) is not in a backup: a backup carries the id of the keys its database
 * was keyed with, and a restore into a database with other keys is refused before anything
 * changes, since its TOTP secrets would not open and its audit chain would not verify there.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { sql, type Kysely } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import { appliedMigrations, listColumns, listTables, referencedFiles } from './backup.repository.ts';
import {
  filesMissingFrom,
  filesNotIn,
  readFiles,
  writeFiles,
  type EvidenceSection,
  type FileRef,
  type Progress,
} from './backup.evidence.ts';
import { GzipLines } from './gzip-lines.ts';
import { withoutAuditGuard } from '../audit/audit-guard.ts';
import { evidenceDir } from '../supervision/evidence.store.ts';
import { timestamp } from '../../shared/clock.ts';
import { readKeyMark } from '../../db/key-check.ts';
import type { Keys } from '../../db/keys.ts';
import { keyExistingData } from '../../db/migrations/010-keys-and-devices.ts';

export const FORMAT = 'outpost-backup';
const VERSION = 2;
const BATCH = 500;

interface Header {
  format: string;
  version: number;
  created_at: string;
  engine: string;
  migrations: string[];
  /** The id of the keys the database was keyed with (since migration 010). */
  key_id?: string;
}

export interface BackupOptions {
  /** The evidence folder read by a backup or filled by a restore; `evidenceDir(db)` by default. */
  evidenceDir?: string;
  /** Rows of a table so far, or evidence bytes so far of their total. */
  onProgress?: Progress;
}

export interface BackupReport {
  tables: { table: string; rows: number }[];
  evidence: EvidenceSection;
  /** The evidence folder read or filled. */
  evidenceDir: string;
  /** After restoring a version-1 backup (which carries no files): files its rows refer to that the folder lacks. */
  missing: string[];
  /** Size of the backup file. */
  bytes: number;
}

export async function backup(db: Database, file: string, options: BackupOptions = {}): Promise<BackupReport> {
  const dir = options.evidenceDir ?? evidenceDir(db);
  const tmp = `${file}.part`;
  const out = new GzipLines(tmp, { level: 6 });
  const write = (value: unknown) => out.write(value);
  const tables: BackupReport['tables'] = [];
  let files: FileRef[] = [];
  let evidence: EvidenceSection;
  try {
    await snapshot(db, async (tx) => {
      const k = tx.kysely as Kysely<unknown>;
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        created_at: timestamp(),
        engine: db.engine,
        migrations: await appliedMigrations(k),
        key_id: db.keys.id,
      };
      await write(header);
      for (const table of await listTables(k, db.engine)) {
        const columns = await listColumns(k, db.engine, table);
        await write({ table, columns });
        let n = 0;
        await eachRow(tx, table, async (row) => {
          await write(row);
          if (++n % 10_000 === 0) options.onProgress?.(table, n);
        });
        options.onProgress?.(table, n);
        await write({ end: table, rows: n });
        tables.push({ table, rows: n });
      }
      files = await referencedFiles(tx.kysely);
    });
    // A stored evidence file is never changed or deleted, so reading the snapshot's files after
    // it ends gives the same bytes and keeps the transaction (SQLite's one connection) short.
    // Evidence is mostly photos and PDFs, compressed already: Huffman coding alone takes its
    // base64 back to the size of the bytes, as small as a full deflate and three times as fast.
    // (Changing the strategy of the running member with gzip.params had no effect on Node 20.)
    await out.member({ level: 6, strategy: zlib.constants.Z_HUFFMAN_ONLY });
    evidence = await writeFiles(db.kysely, dir, files, write, options.onProgress);
    await write({ end: FORMAT, tables: tables.length, files: evidence.files });
    await out.end();
    fs.renameSync(tmp, file);
  } catch (e) {
    await out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { tables, evidence, evidenceDir: dir, missing: [], bytes: fs.statSync(file).size };
}

/** Reads every table in one consistent snapshot while writers go on. */
async function snapshot(db: Database, fn: (tx: Tx) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    if (tx.engine === 'postgres')
      await sql`set transaction isolation level repeatable read read only`.execute(tx.kysely);
    await fn(tx);
  });
}

/** Streams a table's rows as arrays in column order: an iterator on SQLite, a cursor on PostgreSQL. */
async function eachRow(tx: Tx, table: string, fn: (row: unknown[]) => Promise<void>): Promise<void> {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  if (tx.engine === 'sqlite') {
    for (const row of tx.sqlite!.prepare(`select * from ${quoted}`).raw().iterate()) await fn(row as unknown[]);
    return;
  }
  const client = tx.pgClient!;
  await client.query(`declare backup_rows no scroll cursor for select * from ${quoted}`);
  for (;;) {
    const { rows } = await client.query({ text: 'fetch 5000 from backup_rows', rowMode: 'array' });
    for (const row of rows) await fn(row);
    if (rows.length < 5000) break;
  }
  await client.query('close backup_rows');
}

export async function restore(db: Database, file: string, options: BackupOptions = {}): Promise<BackupReport> {
  if (!fs.existsSync(file)) throw new AppError('file_missing', { path: file });
  const dir = options.evidenceDir ?? evidenceDir(db);
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await iterator.next();
    if (done) throw new AppError('backup_truncated', {});
    return JSON.parse(value);
  };
  const tables: BackupReport['tables'] = [];
  let evidence: EvidenceSection = { files: 0, bytes: 0 };
  let missing: string[] = [];
  try {
    const header = await checkHeader(db, (await next()) as Header);
    await db.transaction(async (tx) => {
      const k = tx.kysely as Kysely<unknown>;
      const present = await listTables(k, tx.engine);
      const carried = new Set<string>();
      let ended = false;
      // The backup's audit log replaces this one whole, which its append-only guard refuses.
      await withoutAuditGuard(tx, async () => {
        for (const table of present) await sql`delete from ${sql.table(table)}`.execute(k);
        while (!ended) {
          const { value, done } = await iterator.next();
          if (done) break;
          const line = JSON.parse(value) as Line;
          if (typeof line.table === 'string' && Array.isArray(line.columns)) {
            tables.push(await restoreTable(tx, present, line.table, line.columns, next, options.onProgress));
          } else if (line.evidence && header.version >= 2) {
            for (const f of await readFiles(dir, line.evidence, next, options.onProgress)) carried.add(f);
            evidence = { files: evidence.files + line.evidence.files, bytes: evidence.bytes + line.evidence.bytes };
          } else if (line.end === FORMAT && header.version >= 2) {
            if (line.tables !== tables.length || line.files !== evidence.files)
              throw new AppError('backup_counts_mismatch', {});
            ended = true;
          } else throw new AppError('backup_stray_line', {});
        }
      });
      if (header.version >= 2) {
        if (!ended) throw new AppError('backup_truncated', {});
        if (!(await iterator.next()).done) throw new AppError('backup_trailing', {});
        const lacking = await filesNotIn(tx.kysely, carried);
        if (lacking.length > 0) throw new AppError('backup_lacks_evidence', { files: lacking.map((f) => f.path) });
      } else missing = (await filesMissingFrom(tx.kysely, dir)).map((f) => f.path);
      await carryKeys(tx);
      await resetSequences(tx, present);
      await bumpDataVersion(tx);
    });
  } catch (e) {
    throw refusal(file, e);
  } finally {
    lines.close();
  }
  return { tables, evidence, evidenceDir: dir, missing, bytes: fs.statSync(file).size };
}

/** One line of a backup's body, whichever it is: a table's start, the evidence section, or the end. */
interface Line {
  table?: string;
  columns?: string[];
  evidence?: EvidenceSection;
  end?: string;
  tables?: number;
  files?: number;
}

/**
 * A backup made before keys existed is keyed now, with this database's keys (as migration 010
 * keys a database); one keyed with other keys is refused, naming both.
 */
async function carryKeys(tx: Tx): Promise<void> {
  const mark = await readKeyMark(tx.kysely);
  if (!mark) await keyExistingData(tx.kysely, tx.keys);
  else if (mark.key_id !== tx.keys.id) throw otherKeys(mark.key_id, tx.keys);
}

function otherKeys(backupKey: string, keys: Keys): AppError {
  return new AppError('backup_other_keys', { backup_key: backupKey, file: keys.file ?? 'OUTPOST_KEY_FILE', key: keys.id });
}

async function checkHeader(db: Database, header: Header): Promise<Header> {
  if (header?.format !== FORMAT) throw new AppError('backup_not_outpost', {});
  if (header.key_id !== undefined && header.key_id !== db.keys.id) throw otherKeys(header.key_id, db.keys);
  if (!Number.isInteger(header.version) || header.version < 1 || header.version > VERSION)
    throw new AppError('backup_newer_format', { version: String(header.version) });
  const mine = await appliedMigrations(db.kysely as Kysely<unknown>);
  const unknown = header.migrations.filter((m) => !mine.includes(m));
  if (unknown.length > 0) throw new AppError('backup_newer_migrations', { migrations: unknown });
  return header;
}

async function restoreTable(
  tx: Tx,
  present: string[],
  table: string,
  columns: string[],
  next: () => Promise<unknown>,
  progress?: Progress,
): Promise<{ table: string; rows: number }> {
  if (!present.includes(table)) throw new AppError('backup_unknown_table', { table });
  const here = await listColumns(tx.kysely as Kysely<unknown>, tx.engine, table);
  const missing = columns.filter((c) => !here.includes(c));
  if (missing.length > 0) throw new AppError('backup_unknown_columns', { table, columns: missing });
  return { table, rows: await loadTable(tx, table, columns, next, (rows) => progress?.(table, rows)) };
}

/** Names the backup in whatever refused it, and says that nothing changed. */
function refusal(file: string, e: unknown): unknown {
  const code = (e as { code?: string }).code;
  if (e instanceof SyntaxError || code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR')
    return new AppError('backup_damaged', { file, detail: (e as Error).message });
  if (e instanceof AppError && e.category === 'invalid_input')
    return new AppError('restore_refused', { file, cause: e.toCoded() }, e.details);
  return e;
}

async function loadTable(
  tx: Tx,
  table: string,
  columns: string[],
  next: () => Promise<unknown>,
  progress: (n: number) => void,
): Promise<number> {
  const k = tx.kysely as Kysely<unknown>;
  let n = 0;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = sql.join(batch.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`));
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${values}`.execute(
      k,
    );
    n += batch.length;
    progress(n);
    batch = [];
  };
  const size = Math.max(1, Math.floor((BATCH * 8) / Math.max(1, columns.length)));
  for (;;) {
    const line = await next();
    if (!Array.isArray(line)) {
      const end = line as { end?: string; rows?: number };
      if (end.end !== table) throw new AppError('backup_cut_short', { name: table });
      await flush();
      if (end.rows !== n) throw new AppError('backup_row_count', { table, expected: String(end.rows), found: n });
      return n;
    }
    batch.push(line);
    if (batch.length >= size) await flush();
  }
}

/** PostgreSQL serial columns continue after the restored ids. */
async function resetSequences(tx: Tx, tables: string[]): Promise<void> {
  if (tx.engine !== 'postgres') return;
  const { rows } = await sql<{
    table_name: string;
    column_name: string;
  }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(tx.kysely);
  for (const { table_name: table, column_name: column } of rows) {
    if (!tables.includes(table)) continue;
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      tx.kysely,
    );
  }
}
