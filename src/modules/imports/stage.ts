/**
 * A stage is a temporary table inside the import's transaction that receives a kind's parsed
 * rows: by prepared multi-row inserts on SQLite, by COPY on PostgreSQL. Checks and the merge
 * then work on it set-wise, so a file of any size is read once and held nowhere in memory
 * (but for a fingerprint of each key, up to a bound, which spares the usual case a GROUP BY).
 */
import { once } from 'node:events';
import copyStreams from 'pg-copy-streams';
import type { Tx } from '../../db/database.ts';
import { storageName, type ImportKind, type Value } from './kinds/index.ts';

/** Columns every stage has before the kind's own: order, file and line. */
const HEAD = ['seq', 'file', 'line'] as const;

export interface Stage {
  name: string;
  columns: string[];
  /** Adds one row: its file, its line, and its values in `columns` order. */
  add(file: string, line: string, values: Value[]): Promise<void> | void;
  /** Waits until every added row is in the table; gives their number. */
  finish(): Promise<number>;
  /** False when no two rows added have the same key (proved by their fingerprints). */
  mayRepeatKeys(): boolean;
}

export async function openStage(tx: Tx, kind: ImportKind): Promise<Stage> {
  const name = `stage_${kind.kind}`;
  const own = kind.columns.map((c) => [storageName(c), c.sqlType] as const);
  const columns = own.map(([n]) => n);
  const ddl = [
    'seq integer not null',
    'file text not null',
    'line text not null',
    ...own.map(([n, t]) => `${n} ${t}`),
  ].join(', ');
  await run(tx, `drop table if exists ${tx.engine === 'sqlite' ? 'temp.' : ''}${name}`);
  await run(tx, `create temp table ${name} (${ddl})`);
  const keys = new KeyFingerprints(kind.key.map((k) => kind.columns.findIndex((c) => c.name === k)));
  return tx.engine === 'sqlite' ? sqliteStage(tx, name, columns, keys) : postgresStage(tx, name, columns, keys);
}

function sqliteStage(tx: Tx, name: string, columns: string[], keys: KeyFingerprints): Stage {
  const db = tx.sqlite!;
  const width = HEAD.length + columns.length;
  const row = `(${Array(width).fill('?').join(', ')})`;
  // Many rows a statement: better-sqlite3's cost is mostly per call (999: SQLite's oldest bound
  // on parameters).
  const batchRows = Math.max(1, Math.floor(999 / width));
  const insertBatch = db.prepare(`insert into temp.${name} values ${Array(batchRows).fill(row).join(', ')}`);
  const insertOne = db.prepare(`insert into temp.${name} values ${row}`);
  let params: unknown[] = [];
  let seq = 0;
  return {
    name,
    columns,
    add(file, line, values) {
      keys.add(values);
      params.push(++seq, file, line);
      for (const v of values) params.push(v);
      if (params.length === batchRows * width) {
        insertBatch.run(params);
        params = [];
      }
    },
    async finish() {
      for (let i = 0; i < params.length; i += width) insertOne.run(params.slice(i, i + width));
      params = [];
      return seq;
    },
    mayRepeatKeys: () => keys.mayRepeat(),
  };
}

function postgresStage(tx: Tx, name: string, columns: string[], keys: KeyFingerprints): Stage {
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
    add(file, line, values) {
      if (failure) throw failure;
      keys.add(values);
      const cells = [String(++seq), escape(file), escape(line)];
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
    mayRepeatKeys: () => keys.mayRepeat(),
  };
}

/**
 * 64-bit fingerprints of the keys staged, in an open-addressing table. Equal keys have equal
 * fingerprints, so when no two fingerprints are equal no key repeats; a repeated fingerprint
 * (a repeated key, or a one-in-10^7 coincidence among a million keys) sends the stage to the
 * exact SQL check, and so does a stage too large to fingerprint in bounded memory.
 */
export class KeyFingerprints {
  /**
   * At most this many keys are held (16 MiB of table, 24 while it last grows); beyond, nothing is
   * proved and the exact SQL check runs. Four times as many held 96 MiB at the peak, a quarter of
   * a server's memory during a 512 MiB upload (issue 15).
   */
  static readonly LIMIT = 1 << 20;
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private size = 0;
  private unsure = false;

  constructor(private readonly keyAt: number[]) {}

  mayRepeat(): boolean {
    return this.unsure;
  }

  add(values: Value[]): void {
    if (this.unsure) return;
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (const i of this.keyAt) {
      const v = values[i];
      const text = v === null ? '\u0000' : typeof v === 'string' ? v : String(v);
      for (let j = 0; j < text.length; j++) {
        const c = text.charCodeAt(j);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
      // A separator, so that ('ab', 'c') and ('a', 'bc') differ.
      h1 = Math.imul(h1 ^ 0x1f, 2654435761);
      h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    if (!this.insert(h1 >>> 0, h2 >>> 0 || 1)) this.giveUp();
    else if (++this.size * 2 > this.hi.length) {
      if (this.size > KeyFingerprints.LIMIT) this.giveUp();
      else this.grow();
    }
  }

  // False when the fingerprint is there already. `lo` is never 0 in a used slot.
  private insert(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1;
    for (let slot = hi & mask; ; slot = (slot + 1) & mask) {
      if (this.lo[slot] === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        return true;
      }
      if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.insert(hi[i], lo[i]);
  }

  private giveUp(): void {
    this.unsure = true;
    this.hi = this.lo = new Uint32Array(0);
  }
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
