/**
 * Backup and restore in one portable format — gzip'd JSON lines, a header, then each table's
 * columns and rows — so a backup of either engine restores into either, which is also the way
 * from SQLite to PostgreSQL. A backup reads one snapshot while the server goes on writing; a
 * restore replaces everything in one transaction, or nothing.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { once } from 'node:events';
import { sql, type Kysely } from 'kysely';
import type { Database, Tx } from '../../db/database.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { AppError } from '../../shared/errors.ts';
import { appliedMigrations, listColumns, listTables } from './backup.repository.ts';
import { withoutAuditGuard } from '../audit/audit-guard.ts';

export const FORMAT = 'outpost-backup';
const VERSION = 1;
const BATCH = 500;

interface Header {
  format: string;
  version: number;
  created_at: string;
  engine: string;
  migrations: string[];
}

export interface BackupReport {
  tables: { table: string; rows: number }[];
  bytes: number;
}

export async function backup(
  db: Database,
  file: string,
  onRows?: (table: string, rows: number) => void,
): Promise<BackupReport> {
  const tmp = `${file}.part`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(tmp);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const tables: BackupReport['tables'] = [];
  try {
    await snapshot(db, async (tx) => {
      const k = tx.kysely as Kysely<unknown>;
      const header: Header = {
        format: FORMAT,
        version: VERSION,
        created_at: new Date().toISOString(),
        engine: db.engine,
        migrations: await appliedMigrations(k),
      };
      await write(header);
      for (const table of await listTables(k, db.engine)) {
        const columns = await listColumns(k, db.engine, table);
        await write({ table, columns });
        let n = 0;
        await eachRow(tx, table, async (row) => {
          await write(row);
          if (++n % 10_000 === 0) onRows?.(table, n);
        });
        onRows?.(table, n);
        await write({ end: table, rows: n });
        tables.push({ table, rows: n });
      }
    });
    gzip.end();
    await once(out, 'close');
    fs.renameSync(tmp, file);
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { tables, bytes: fs.statSync(file).size };
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

export async function restore(
  db: Database,
  file: string,
  onRows?: (table: string, rows: number) => void,
): Promise<BackupReport> {
  if (!fs.existsSync(file)) throw new AppError('invalid_input', `${file}: no such file`);
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await iterator.next();
    if (done) throw new AppError('invalid_input', `${file}: the backup ends early: it is truncated`);
    return JSON.parse(value);
  };
  const tables: BackupReport['tables'] = [];
  try {
    const header = (await next()) as Header;
    if (header?.format !== FORMAT) throw new AppError('invalid_input', `${file}: not an Outpost backup`);
    const mine = await appliedMigrations(db.kysely as Kysely<unknown>);
    const unknown = header.migrations.filter((m) => !mine.includes(m));
    if (unknown.length > 0)
      throw new AppError(
        'invalid_input',
        `${file}: made by a newer Outpost (migrations ${unknown.join(', ')}); upgrade first`,
      );
    await db.transaction(async (tx) => {
      const k = tx.kysely as Kysely<unknown>;
      const present = await listTables(k, tx.engine);
      // The backup's audit log replaces this one whole, which its append-only guard refuses.
      await withoutAuditGuard(tx, async () => {
        for (const table of present) await sql`delete from ${sql.table(table)}`.execute(k);
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) break;
          const { table, columns } = JSON.parse(value) as { table: string; columns: string[] };
          if (!present.includes(table))
            throw new AppError('invalid_input', `${file}: table ${table} does not exist here`);
          const here = await listColumns(k, tx.engine, table);
          const missing = columns.filter((c) => !here.includes(c));
          if (missing.length > 0)
            throw new AppError('invalid_input', `${file}: ${table} has no column ${missing.join(', ')} here`);
          const n = await loadTable(tx, table, columns, next, (rows) => onRows?.(table, rows));
          tables.push({ table, rows: n });
        }
      });
      await resetSequences(tx, present);
      await bumpDataVersion(tx);
    });
  } catch (e) {
    if (
      e instanceof SyntaxError ||
      (e as { code?: string }).code === 'Z_BUF_ERROR' ||
      (e as { code?: string }).code === 'Z_DATA_ERROR'
    )
      throw new AppError(
        'invalid_input',
        `${file}: the backup is damaged (${(e as Error).message}); nothing was restored`,
      );
    throw e;
  } finally {
    lines.close();
  }
  return { tables, bytes: fs.statSync(file).size };
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
      if (end.end !== table) throw new AppError('invalid_input', `backup: ${table} is cut short`);
      await flush();
      if (end.rows !== n)
        throw new AppError('invalid_input', `backup: ${table} should hold ${end.rows} rows, found ${n}`);
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
