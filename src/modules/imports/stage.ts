/**
 * A stage is a temporary table inside the import's transaction that receives a kind's parsed
 * rows: by prepared statements on SQLite, by COPY on PostgreSQL. Checks and the merge then work
 * on it set-wise, so a file of any size is read once and held nowhere in memory.
 */
import { once } from 'node:events';
import copyStreams from 'pg-copy-streams';
import type { Tx } from '../../db/database.ts';
import { storageName, type KindDef, type Value } from './kinds/index.ts';

/** Columns every stage has before the kind's own: order, file, line, and the row's data as text. */
const HEAD = ['seq', 'file', 'line', 'data'] as const;

export interface Stage {
  name: string;
  columns: string[];
  /** Adds one row: [file, line, data, ...values in `columns` order after the head]. */
  add(file: string, line: string, data: string, values: Value[]): Promise<void> | void;
  /** Waits until every added row is in the table. */
  finish(): Promise<number>;
}

export async function openStage(tx: Tx, kind: KindDef): Promise<Stage> {
  const name = `stage_${kind.kind}`;
  const own = kind.columns.map((c) => [storageName(c), c.sqlType] as const);
  const columns = own.map(([n]) => n);
  const ddl = [
    'seq integer not null',
    'file text not null',
    'line text not null',
    'data text not null',
    ...own.map(([n, t]) => `${n} ${t}`),
  ].join(', ');
  await run(tx, `drop table if exists ${tx.engine === 'sqlite' ? 'temp.' : ''}${name}`);
  await run(tx, `create temp table ${name} (${ddl})`);
  return tx.engine === 'sqlite' ? sqliteStage(tx, name, columns) : postgresStage(tx, name, columns);
}

function sqliteStage(tx: Tx, name: string, columns: string[]): Stage {
  const db = tx.sqlite!;
  const placeholders = Array(HEAD.length + columns.length).fill('?').join(', ');
  const insert = db.prepare(`insert into temp.${name} values (${placeholders})`);
  let seq = 0;
  return {
    name,
    columns,
    add(file, line, data, values) {
      insert.run(++seq, file, line, data, ...values);
    },
    async finish() {
      return seq;
    },
  };
}

function postgresStage(tx: Tx, name: string, columns: string[]): Stage {
  const copy = tx.pgClient!.query(copyStreams.from(`copy ${name} from stdin`));
  let failure: Error | undefined;
  copy.on('error', (e: Error) => (failure = e));
  let seq = 0;
  let buffer: string[] = [];
  const flush = (): boolean => {
    if (buffer.length === 0) return true;
    const ok = copy.write(buffer.join(''));
    buffer = [];
    return ok;
  };
  return {
    name,
    columns,
    add(file, line, data, values) {
      if (failure) throw failure;
      const cells = [String(++seq), escape(file), escape(line), escape(data)];
      for (const v of values) cells.push(v === null ? '\\N' : escape(String(v)));
      buffer.push(cells.join('\t') + '\n');
      if (buffer.length >= 2000 && !flush()) return once(copy, 'drain').then(() => undefined);
    },
    async finish() {
      flush();
      const finished = once(copy, 'finish');
      copy.end();
      await finished;
      if (failure) throw failure;
      return seq;
    },
  };
}

/** COPY text format: backslash, tab, newline and carriage return are escaped. */
function escape(v: string): string {
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Runs raw SQL with `?` parameters in the transaction (stages live outside Kysely's typed
 * schema); returns the rows changed.
 */
export async function run(tx: Tx, text: string, params: unknown[] = []): Promise<number> {
  if (tx.engine === 'sqlite') return tx.sqlite!.prepare(text).run(...params).changes;
  const result = await tx.pgClient!.query(numbered(text), params);
  return result.rowCount ?? 0;
}

/** Runs a raw query with `?` parameters in the transaction and returns its rows. */
export async function all<T>(tx: Tx, text: string, params: unknown[] = []): Promise<T[]> {
  if (tx.engine === 'sqlite') return tx.sqlite!.prepare(text).all(...params) as T[];
  return (await tx.pgClient!.query(numbered(text), params)).rows as T[];
}

/** `?` placeholders to PostgreSQL's `$1, $2, ...` (the SQL here never has `?` in literals). */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
