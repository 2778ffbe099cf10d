/**
 * Set-wise steps on a filled stage: duplicate keys, history of replaced rows, the upsert, and
 * the checks against the database as the import leaves it.
 */
import type { Tx } from '../../db/database.ts';
import { coded, rowError, type RowError } from '../../shared/errors.ts';
import { storageName, type ImportKind } from './kinds/index.ts';
import { all, run, type Stage } from './stage.ts';

/** How many rows of one check are reported; the rest are counted. */
export const CHECK_LIMIT = 1000;

/**
 * Keys staged twice: a row whose data differs from the key's first row is an error naming that
 * row; identical copies are dropped.
 */
export async function duplicateKeys(tx: Tx, kind: ImportKind, stage: Stage): Promise<Found> {
  if (!stage.mayRepeatKeys()) return { errors: [], total: 0 };
  const key = kind.key.join(', ');
  const keyMatch = (a: string, b: string) => kind.key.map((k) => `${a}.${k} = ${b}.${k}`).join(' and ');
  const repeated = await all(tx, `select 1 as x from ${stage.name} group by ${key} having count(*) > 1 limit 1`);
  if (repeated.length === 0) return { errors: [], total: 0 };
  const dataCols = kind.columns.map(storageName).filter((c) => !kind.key.includes(c));
  const distinct = tx.engine === 'sqlite' ? 'is not' : 'is distinct from';
  const differs = dataCols.map((c) => `s.${c} ${distinct} f.${c}`).join(' or ') || 'false';
  const differing = `select s.file, s.line, s.seq, f.file as first_file, f.line as first_line
     from ${stage.name} s
     join (select ${key}, min(seq) as first from ${stage.name} group by ${key} having count(*) > 1) g on ${keyMatch('g', 's')}
     join ${stage.name} f on f.seq = g.first
     where s.seq <> g.first and (${differs})`;
  const rows = await all<{ file: string; line: string; first_file: string; first_line: string }>(
    tx,
    `${differing} order by s.seq limit ${CHECK_LIMIT}`,
  );
  const errors: RowError[] = rows.map((r) =>
    rowError(
      r.file,
      lineOf(r.line),
      kind.key.join('+'),
      coded('key_repeated', { file: r.first_file, line: lineOf(r.first_line) }),
    ),
  );
  const total = rows.length < CHECK_LIMIT ? rows.length : await countOf(tx, differing);
  // Only the repeated groups are touched (a NOT IN over the whole stage can go quadratic).
  await run(
    tx,
    `delete from ${stage.name} where seq in (
       select s.seq from ${stage.name} s
       join (select ${key}, min(seq) as first from ${stage.name} group by ${key} having count(*) > 1) g on ${keyMatch('g', 's')}
       where s.seq <> g.first)`,
  );
  return { errors, total };
}

export interface MergeCounts {
  written: number;
  replaced: number;
}

/** Keeps the earlier version of every row about to be replaced, then upserts the stage. */
export async function mergeStage(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  importId: number,
  now: string,
): Promise<MergeCounts> {
  const sql = mergeSql(tx, kind);
  const replaced = await bySlices(tx, stage, (slice) => keepHistory(tx, kind, stage, sql, importId, now, slice));
  let written = 0;
  const passes = kind.passes
    ? kind.passes.values.map((v) => ({ where: ` and s.${kind.passes!.column} = ?`, params: [v] }))
    : [{ where: '', params: [] }];
  for (const pass of passes)
    written += await bySlices(tx, stage, (slice) => upsert(tx, kind, stage, sql, importId, pass, slice));
  return { written, replaced };
}

/** A part of the stage a step is limited to: an SQL condition on `s` and its parameters. */
interface Slice {
  where: string;
  params: number[];
}

/** Rows of the stage a SQLite statement of the merge takes at most (about 0.1 s of work). */
export const SLICE_ROWS = 20_000;

/**
 * Runs `step` over the whole stage, on SQLite by slices of its rows with a turn of the event
 * loop between two: better-sqlite3 runs on the server's one thread, so a single statement over a
 * million staged rows held every other request for the merge's whole length (2.4 s in
 * bench/upload.ts). The slices are in the merge's one transaction: readers see all or nothing.
 */
async function bySlices(tx: Tx, stage: Stage, step: (slice: Slice) => Promise<number>): Promise<number> {
  if (tx.engine !== 'sqlite') return step({ where: '', params: [] });
  // The stage is filled in order, so its rowids run as its rows do (gaps where repeats left).
  const [{ lo, hi }] = await all<{ lo: number | null; hi: number | null }>(
    tx,
    `select min(rowid) as lo, max(rowid) as hi from temp.${stage.name}`,
  );
  if (lo === null || hi === null) return 0;
  let total = 0;
  for (let from = lo; from <= hi; from += SLICE_ROWS) {
    total += await step({ where: ' and s.rowid >= ? and s.rowid < ?', params: [from, from + SLICE_ROWS] });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/** The pieces of SQL that compare a kind's staged rows with its stored ones. */
export function mergeSql(tx: Tx, kind: ImportKind): MergeSql {
  const cols = kind.columns.map(storageName);
  const dataCols = cols.filter((c) => !kind.key.includes(c));
  const distinct = tx.engine === 'sqlite' ? 'is not' : 'is distinct from';
  return {
    cols,
    dataCols,
    keyMatch: kind.key.map((k) => `t.${k} = s.${k}`).join(' and '),
    differs: (a, b) => dataCols.map((c) => `${a}.${c} ${distinct} ${b}.${c}`).join(' or ') || 'false',
  };
}

export interface MergeSql {
  /** The kind's stored columns. */
  cols: string[];
  dataCols: string[];
  /** The target `t` and the stage `s` on the key. */
  keyMatch: string;
  /** Two rows' data columns, null-safe. */
  differs(a: string, b: string): string;
}

async function keepHistory(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  sql: MergeSql,
  importId: number,
  now: string,
  slice: Slice,
): Promise<number> {
  const keyText = kind.key.map((k) => `cast(t.${k} as text)`).join(` || '|' || `);
  const all = [...sql.cols, 'voided_at', 'void_reason', 'province', 'import_id'];
  const json =
    tx.engine === 'sqlite'
      ? `json_object(${all.map((c) => `'${c}', t.${c}`).join(', ')})`
      : `json_build_object(${all.map((c) => `'${c}', t.${c}`).join(', ')})::text`;
  return run(
    tx,
    `insert into history (kind, row_key, data, action, reason, import_id, at)
     select ?, ${keyText}, ${json}, 'replaced', null, ?, ? from ${kind.table} t join ${stage.name} s on ${sql.keyMatch}
     where (${sql.differs('t', 's')})${slice.where}`,
    [kind.kind, importId, now, ...slice.params],
  );
}

/** Adds the new keys and replaces the changed rows of the stage (those matching `pass`). */
async function upsert(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  sql: MergeSql,
  importId: number,
  pass: { where: string; params: string[] },
  slice: Slice,
): Promise<number> {
  const { cols, dataCols, keyMatch, differs } = sql;
  const t = kind.table;
  if (tx.engine === 'sqlite') {
    return run(
      tx,
      `insert into ${t} (${cols.join(', ')}, import_id, voided_at, void_reason, province)
       select ${cols.map((c) => `s.${c}`).join(', ')}, ?, null, null, ${kind.province.value}
       from ${stage.name} s ${kind.province.join} where true${pass.where}${slice.where}
       on conflict (${kind.key.join(', ')}) do update set
         ${[...dataCols, 'import_id', 'voided_at', 'void_reason', 'province'].map((c) => `${c} = excluded.${c}`).join(', ')}
       where ${differs(t, 'excluded')}`,
      [importId, ...pass.params, ...slice.params],
    );
  }
  // An update, then a plain insert of the new keys: PostgreSQL's ON CONFLICT pays a speculative
  // insertion per row (a million new rows took 1.7 times as long). No other writer adds these
  // keys in between: imports hold IMPORT_LOCK.
  const set = [
    ...dataCols.map((c) => `${c} = s.${c}`),
    'import_id = ?',
    'voided_at = null',
    'void_reason = null',
    `province = ${kind.province.value}`,
  ];
  const updated = await run(
    tx,
    `update ${t} t set ${set.join(', ')} from ${stage.name} s ${kind.province.join} where ${keyMatch} and (${differs('t', 's')})${pass.where}`,
    [importId, ...pass.params],
  );
  const inserted = await run(
    tx,
    `insert into ${t} (${cols.join(', ')}, import_id, voided_at, void_reason, province)
     select ${cols.map((c) => `s.${c}`).join(', ')}, ?, null, null, ${kind.province.value} from ${stage.name} s ${kind.province.join}
     where not exists (select 1 from ${t} t where ${keyMatch})${pass.where}`,
    [importId, ...pass.params],
  );
  return updated + inserted;
}

/** Rows found wrong by set-wise steps: the first CHECK_LIMIT of each step listed, all counted. */
export interface Found {
  errors: RowError[];
  total: number;
}

/** Runs the kind's checks on its staged rows; each row found is one error. */
export async function checkStage(tx: Tx, kind: ImportKind, stage: Stage): Promise<Found> {
  const found: Found = { errors: [], total: 0 };
  for (const check of kind.checks) {
    const sql = check.sql.replaceAll('$stage', stage.name).replace(/^select s\.line,/, 'select s.file, s.line, s.seq,');
    const rows = await all<Record<string, string> & { file: string; line: string }>(
      tx,
      `${sql} order by s.seq limit ${CHECK_LIMIT}`,
    );
    for (const r of rows) found.errors.push(rowError(r.file, lineOf(r.line), check.column, check.problem(r)));
    found.total += rows.length < CHECK_LIMIT ? rows.length : await countOf(tx, sql);
  }
  return found;
}

async function countOf(tx: Tx, query: string): Promise<number> {
  const [{ n }] = await all<{ n: number }>(tx, `select count(*) as n from (${query}) found`);
  return Number(n);
}

/** A stage's line as reported: a number for a CSV's line, `sheet:row` for a workbook's. */
export function lineOf(line: string): number | string {
  return /^\d+$/.test(line) ? Number(line) : line;
}
