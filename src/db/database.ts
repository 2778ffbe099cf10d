/**
 * Opens the database named by a SQLite path or a `postgres://` URL, applies migrations, and
 * gives one handle that works the same on both engines.
 *
 * @example
 *   const db = await openDatabase('./data/outpost.sqlite');
 *   await db.transaction(async (tx) => tx.kysely.selectFrom('areas').selectAll().execute());
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DB } from './schema.ts';
import { engineOf, type Engine } from './engine.ts';
import { migrateToLatest } from './migrate.ts';
import { AppError } from '../shared/errors.ts';
import { connectionWait, watchPool } from '../shared/metrics.ts';
import { timeConnectionWaits, timedAcquire } from './connection-waits.ts';
import { keyFileFor, loadKeys, type Keys } from './keys.ts';
import { checkKeys } from './key-check.ts';
import { splitSqliteDialect } from './sqlite-split-dialect.ts';
import { WriteGate } from './write-gate.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export const DEFAULT_DB = './data/outpost.sqlite';

/** A write transaction: the query builder bound to it and the raw connection for bulk loads. */
export interface Tx {
  engine: Engine;
  kysely: Kysely<DB>;
  /** The deployment's keys (audit chain, TOTP secrets), from the key file beside the database. */
  keys: Keys;
  /** SQLite: the better-sqlite3 handle, inside the transaction. */
  sqlite?: Sqlite.Database;
  /** PostgreSQL: the client holding the transaction (for COPY). */
  pgClient?: pg.PoolClient;
}

export interface Database {
  engine: Engine;
  url: string;
  kysely: Kysely<DB>;
  /** The deployment's keys (audit chain, TOTP secrets, device cookies): see keys.ts. */
  keys: Keys;
  /** SQLite: the write connection. */
  sqlite?: Sqlite.Database;
  /**
   * SQLite: the turn to write, taken by every transaction and write of this process (an import
   * job's merge included).
   */
  gate?: WriteGate;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn in one transaction and rolls it back however fn ends: a dry run sees what its writes
   * would do, and answers what fn returns, without writing anything.
   */
  rehearse<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn reading one consistent snapshot, without holding up writers (SQLite: a read
   * transaction on a connection of its own; PostgreSQL: repeatable read, read only).
   */
  snapshot<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn with a connection of its own for work the others need not wait for (an import's
   * stages, temporary tables), then `begin()` takes the turn to write and opens the transaction
   * on that connection, which ends with `end` (commit, or rollback for a dry run). SQLite: a job
   * connection beside the writer, so the write gate is held only from `begin()` on; PostgreSQL:
   * one transaction throughout (the import's own advisory lock is taken late).
   */
  apart<T>(fn: (tx: Tx, begin: () => Promise<void>) => Promise<T>, end: 'commit' | 'rollback'): Promise<T>;
  close(): Promise<void>;
}

export function resolveDbUrl(flag?: string): string {
  return flag || process.env.OUTPOST_DB || DEFAULT_DB;
}

export interface OpenOptions {
  migrate?: boolean;
  /** The key file; `keyFileFor(url)` by default (OUTPOST_KEY_FILE, or beside the database). */
  keyFile?: string | null;
  /**
   * False for a restore only: what the database holds is about to be replaced whole, and the
   * restore itself refuses a backup keyed with other keys than the key file's.
   */
  checkKeys?: boolean;
}

/**
 * Opens a database with its keys: the key file is made on first start, and a database keyed
 * with another key file is refused here, before anything reads a TOTP secret or appends to the
 * audit chain with the wrong key.
 */
export async function openDatabase(url = resolveDbUrl(), options: OpenOptions = {}): Promise<Database> {
  const engine = engineOf(url);
  const keys = loadKeys(options.keyFile === undefined ? keyFileFor(url) : options.keyFile);
  const db = engine === 'postgres' ? await openPostgres(url, keys) : openSqlite(url, keys);
  try {
    if (options.migrate !== false) await migrateToLatest(db.kysely as Kysely<unknown>, engine, keys);
    if (options.migrate !== false && options.checkKeys !== false) await checkKeys(db.kysely, keys);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/**
 * SQLite in WAL mode on two connections: reads on one of their own, which never waits for a
 * writer, and writes on the other behind the write gate, which an import job's merge also takes
 * (src/modules/imports/import-jobs.service.ts). `:memory:` has one database per
 * connection, so there a single connection serves both.
 */
function openSqlite(file: string, keys: Keys): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const writer = openSqliteConnection(file, 'write');
  const reader = file === ':memory:' ? writer : openSqliteConnection(file, 'read');
  const gate = new WriteGate((seconds) => connectionWait.observe({ engine: 'sqlite' }, seconds));
  const kysely = new Kysely<DB>({ dialect: splitSqliteDialect({ reader, writer, gate }) });
  // Only the holder of the gate uses it, so its driver's own mutex never waits.
  const inTransaction = new Kysely<DB>({ dialect: new SqliteDialect({ database: writer }) });
  // Begin and end are ours: SQLite rolls back by itself on a full disk, and a second rollback
  // would hide why. IMMEDIATE takes the write lock at once: a deferred transaction that read
  // first could not write after another connection's commit (SQLITE_BUSY_SNAPSHOT).
  const sqliteTransaction = <T>(fn: (tx: Tx) => Promise<T>, end: 'commit' | 'rollback'): Promise<T> =>
    gate.run(async () => {
      writer.exec('begin immediate');
      try {
        const result = await fn({ engine: 'sqlite', kysely: inTransaction, sqlite: writer, keys });
        writer.exec(end);
        return result;
      } catch (e) {
        if (writer.inTransaction) writer.exec('rollback');
        throw translateStorageError(e);
      }
    });
  return {
    engine: 'sqlite',
    url: file,
    kysely,
    keys,
    sqlite: writer,
    gate,
    transaction: (fn) => sqliteTransaction(fn, 'commit'),
    rehearse: (fn) => sqliteTransaction(fn, 'rollback'),
    async snapshot(fn) {
      if (file === ':memory:') return sqliteTransaction(fn, 'rollback');
      const handle = openSqliteConnection(file, 'read');
      try {
        handle.exec('begin');
        // The snapshot starts at the first read.
        handle.prepare('select count(*) from meta').get();
        return await fn({
          engine: 'sqlite',
          kysely: new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) }),
          sqlite: handle,
          keys,
        });
      } finally {
        handle.close();
      }
    },
    async apart(fn, end) {
      if (file === ':memory:') return sqliteTransaction((tx) => fn(tx, async () => undefined), end);
      const handle = openSqliteConnection(file, 'job');
      const tx: Tx = {
        engine: 'sqlite',
        kysely: new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) }),
        sqlite: handle,
        keys,
      };
      let release: (() => void) | undefined;
      const begin = async () => {
        if (release) return;
        // The stages' own transaction (temporary tables only) ends before the write's begins.
        if (handle.inTransaction) handle.exec('commit');
        release = await gate.acquire();
        handle.exec('begin immediate');
      };
      try {
        // One transaction for the staging's many inserts, which touch no table of the database.
        handle.exec('begin');
        const result = await fn(tx, begin);
        if (handle.inTransaction) handle.exec(release ? end : 'rollback');
        return result;
      } catch (e) {
        if (handle.inTransaction) handle.exec('rollback');
        throw translateStorageError(e);
      } finally {
        release?.();
        handle.close();
      }
    },
    async close() {
      // Closes both connections (`inTransaction` has none of its own); after a transaction ends.
      await gate.run(() => kysely.destroy());
    },
  };
}

/**
 * A connection to a SQLite file with Outpost's settings. `read`: refuses to write. `job`: an
 * import job's own (its stages in temporary files, so that a large file is not held in memory).
 */
export function openSqliteConnection(file: string, role: 'read' | 'write' | 'job'): Sqlite.Database {
  const handle = new Sqlite(file);
  if (role === 'write') handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  handle.pragma(role === 'job' ? 'temp_store = FILE' : 'temp_store = MEMORY');
  handle.pragma(role === 'job' ? 'cache_size = -32768' : 'cache_size = -65536');
  if (role === 'read') handle.pragma('query_only = ON');
  return handle;
}

async function openPostgres(url: string, keys: Keys): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection cut by the server (a restart, a terminated backend) is dropped from the
  // pool and replaced on next use; it must not bring the process down.
  pool.on('error', () => undefined);
  const kysely = new Kysely<DB>({ dialect: timeConnectionWaits(new PostgresDialect({ pool }), 'postgres') });
  await sql`select 1`.execute(kysely);
  const watched = watchPool(pool);
  return {
    engine: 'postgres',
    url,
    kysely,
    keys,
    transaction: (fn) => pgTransaction(fn, 'commit'),
    rehearse: (fn) => pgTransaction(fn, 'rollback'),
    snapshot: (fn) =>
      pgTransaction(async (tx) => {
        await tx.pgClient!.query('set transaction isolation level repeatable read read only');
        return fn(tx);
      }, 'rollback'),
    apart: (fn, end) => pgTransaction((tx) => fn(tx, async () => undefined), end),
    async close() {
      watched.forget();
      await kysely.destroy();
    },
  };

  async function pgTransaction<T>(fn: (tx: Tx) => Promise<T>, end: 'commit' | 'rollback'): Promise<T> {
    const client = await timedAcquire('postgres', () => pool.connect());
    // A Kysely bound to this one client, so builder queries and COPY share the transaction.
    const single = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => ({ query: client.query.bind(client), release: () => {} }),
          end: async () => {},
        } as never,
      }),
    });
    try {
      await client.query('begin');
      const result = await fn({ engine: 'postgres', kysely: single, pgClient: client, keys });
      await client.query(end);
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw translateStorageError(e);
    } finally {
      client.release();
    }
  }
}

/** The engines' own codes for a busy database and a full disk, as errors a person can act on. */
export function translateStorageError(e: unknown): unknown {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'SQLITE_BUSY') return new AppError('busy', {});
  if (code === 'SQLITE_FULL' || code === '53100') return new AppError('disk_full', { store: 'database' });
  return e;
}
