/**
 * Kysely on two SQLite connections of one file in WAL mode: every statement that only reads goes
 * to the read connection, which never waits for a writer (WAL readers see the last commit);
 * every statement that writes, and every transaction, goes to the write connection once the
 * write gate is this caller's. better-sqlite3 says which a statement is (`stmt.readonly`), so
 * nothing is guessed from the SQL's text.
 *
 * @example
 *   const kysely = new Kysely<DB>({ dialect: splitSqliteDialect({ reader, writer, gate }) });
 */
import type Sqlite from 'better-sqlite3';
import {
  CompiledQuery,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { WriteGate } from './write-gate.ts';

export interface SplitConnections {
  reader: Sqlite.Database;
  writer: Sqlite.Database;
  gate: WriteGate;
}

export function splitSqliteDialect(connections: SplitConnections): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SplitDriver(connections),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

class SplitDriver implements Driver {
  constructor(private readonly c: SplitConnections) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this.c);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as SplitConnection).end('commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as SplitConnection).end('rollback');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as SplitConnection).end('rollback');
  }

  async destroy(): Promise<void> {
    if (this.c.reader !== this.c.writer) this.c.reader.close();
    this.c.writer.close();
  }
}

class SplitConnection implements DatabaseConnection {
  /** Set while this connection holds a transaction (and the gate). */
  private release: (() => void) | undefined;

  constructor(private readonly c: SplitConnections) {}

  async begin(): Promise<void> {
    this.release = await this.c.gate.acquire();
    try {
      this.c.writer.exec('begin immediate');
    } catch (e) {
      this.end('rollback');
      throw e;
    }
  }

  /** Ends the transaction, if one is open, and passes the gate on. */
  end(how: 'commit' | 'rollback'): void {
    const release = this.release;
    if (!release) return;
    this.release = undefined;
    try {
      if (how === 'commit' || this.c.writer.inTransaction) this.c.writer.exec(how);
    } finally {
      release();
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.release) return execute(this.c.writer.prepare(query.sql), query);
    const read = readOnlyOn(this.c.reader, query.sql);
    if (read) return execute(read, query);
    return this.c.gate.run(async () => execute(this.c.writer.prepare(query.sql), query));
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('only select queries are streamed on SQLite');
    const handle = this.release ? this.c.writer : this.c.reader;
    for (const row of handle.prepare(query.sql).iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/**
 * The statement prepared on the read connection when it only reads, else undefined. The reader
 * may not have seen the writer's latest schema change yet (a table just dropped and another
 * renamed to its name, as a migration rebuilding a table does), and then preparing a write there
 * fails: a statement the reader cannot prepare goes to the writer, which answers truly, the same
 * error included when the SQL is wrong.
 */
function readOnlyOn(reader: Sqlite.Database, text: string): Sqlite.Statement | undefined {
  try {
    const stmt = reader.prepare(text);
    return stmt.readonly ? stmt : undefined;
  } catch {
    return undefined;
  }
}

function execute<R>(stmt: Sqlite.Statement, query: CompiledQuery): QueryResult<R> {
  const parameters = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: lastInsertRowid === undefined ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}
