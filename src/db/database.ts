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
import { watchPool } from '../shared/metrics.ts';
import { timeConnectionWaits, timedAcquire } from './connection-waits.ts';
import { keyFileFor, loadKeys, type Keys } from './keys.ts';
import { checkKeys } from './key-check.ts';

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
  sqlite?: Sqlite.Database;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn in one transaction and rolls it back however fn ends: a dry run sees what its writes
   * would do, and answers what fn returns, without writing anything.
   */
  rehearse<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
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

function openSqlite(file: string, keys: Keys): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = new Sqlite(file);
  handle.pragma('journal_mode = WAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('temp_store = MEMORY');
  handle.pragma('cache_size = -65536');
  const kysely = new Kysely<DB>({ dialect: timeConnectionWaits(new SqliteDialect({ database: handle }), 'sqlite') });
  // Kysely's SQLite driver holds one connection behind a mutex, so a raw statement on the
  // handle inside fn runs inside this transaction and nothing else interleaves. Begin and end
  // are ours: SQLite rolls back by itself on a full disk, and a second rollback would hide why.
  const sqliteTransaction = <T>(fn: (tx: Tx) => Promise<T>, end: 'commit' | 'rollback'): Promise<T> =>
    kysely.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      try {
        const result = await fn({ engine: 'sqlite', kysely: conn, sqlite: handle, keys });
        await sql.raw(end).execute(conn);
        return result;
      } catch (e) {
        if (handle.inTransaction) await sql`rollback`.execute(conn);
        throw translateStorageError(e);
      }
    });
  return {
    engine: 'sqlite',
    url: file,
    kysely,
    keys,
    sqlite: handle,
    transaction: (fn) => sqliteTransaction(fn, 'commit'),
    rehearse: (fn) => sqliteTransaction(fn, 'rollback'),
    async close() {
      await kysely.destroy();
    },
  };
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
