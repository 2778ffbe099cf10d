/**
 * The import use case: reads every source of SPEC §2 in kind order into stages, checks each row
 * and each reference, merges, and commits only when nothing was rejected.
 */
import type { Database, Tx } from '../../db/database.ts';
import { AppError, coded, rowError, type RowError } from '../../shared/errors.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { recordImport, type ImportOutcome } from '../../shared/metrics.ts';
import type { Table } from './reader/table.ts';
import { CellError, KINDS, type ImportKind, type Value } from './kinds/index.ts';
import { mapHeader } from './header.ts';
import { checkStage, duplicateKeys, mergeStage, type Found } from './merge.ts';
import { all, openStage, run, type Stage } from './stage.ts';
import { timestamp } from '../../shared/clock.ts';
import { IMPORT_LOCK } from './import-lock.ts';
import { assertPeriodsOpen, stagedChanges } from '../periods/period-guard.ts';

/** A file (or sheet, or posted array) of one kind, opened only when its turn comes. */
export interface ImportSource {
  file: string;
  kind: ImportKind;
  open(): Promise<Table>;
}

export interface ImportProgress {
  kind: string;
  file: string;
  rows: number;
  phase: 'reading' | 'checking' | 'merging';
}

export interface ImportOptions {
  actor: string;
  source: string;
  dryRun?: boolean;
  onProgress?(p: ImportProgress): void;
  /**
   * Runs inside the transaction before a kind's sources are read, after the kinds before it
   * were merged (so it sees what the same import adds); throwing ends the import, writing
   * nothing. The web upload checks a scoped account's rows here.
   */
  beforeKind?(tx: Tx, kind: ImportKind, sources: ImportSource[]): Promise<void>;
}

export interface KindReport {
  kind: string;
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
}

export interface ImportReport {
  importId: number | null;
  dryRun: boolean;
  written: number;
  kinds: KindReport[];
}

/** Most errors reported for one import; the rest are only counted. */
export const ERROR_LIMIT = 1000;

/** What runs in the import's transaction around the import itself (a scope check, an audit entry). */
export interface AroundImport {
  before?(tx: Tx): Promise<void>;
  /** Not on a dry run: it writes nothing. */
  after?(tx: Tx, report: ImportReport): Promise<void>;
}

/**
 * Imports `sources` in one transaction of its own, all or nothing; a dry run goes through every
 * check and merge the same way and is rolled back, answering what it would have written.
 */
export async function importSources(
  db: Database,
  sources: ImportSource[],
  options: ImportOptions,
  around: AroundImport = {},
): Promise<ImportReport> {
  if (sources.length === 0) throw new AppError('nothing_to_import', {});
  const run = async (tx: Tx) => {
    await around.before?.(tx);
    const report = await importInTransaction(tx, sources, options);
    if (!options.dryRun) await around.after?.(tx, report);
    return report;
  };
  return options.dryRun ? db.rehearse(run) : db.transaction(run);
}

export { IMPORT_LOCK };

/**
 * The same, inside a transaction the caller holds (records written through the API). Each
 * import's rows and duration go to the metrics by how it ended.
 */
export async function importInTransaction(
  tx: Tx,
  sources: ImportSource[],
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const rowsRead: Record<string, number> = {};
  const ended = (outcome: ImportOutcome) =>
    recordImport(options.source, outcome, (performance.now() - started) / 1000, rowsRead);
  try {
    const report = await runImport(tx, sources, options, rowsRead);
    ended(options.dryRun ? 'dry_run' : 'written');
    return report;
  } catch (e) {
    ended(e instanceof AppError && e.category === 'import_rejected' ? 'rejected' : 'failed');
    throw e;
  }
}

async function runImport(
  tx: Tx,
  sources: ImportSource[],
  options: ImportOptions,
  rowsRead: Record<string, number>,
): Promise<ImportReport> {
  if (tx.engine === 'postgres') await run(tx, 'select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
  const now = timestamp();
  const [{ id: importId }] = await tx.kysely
    .insertInto('imports')
    .values({
      started_at: now,
      actor: options.actor,
      source: options.source,
      files: sources.map((s) => s.file).join(', '),
      written: 0,
      status: 'running',
    })
    .returning('id')
    .execute();
  const errors = new ErrorList();
  const kinds: KindReport[] = [];
  for (const kind of KINDS) {
    const mine = sources.filter((s) => s.kind === kind);
    if (mine.length === 0) continue;
    await options.beforeKind?.(tx, kind, mine);
    const stage = await openStage(tx, kind);
    for (const source of mine) await stageSource(source, stage, errors, options);
    const rows = await stage.finish();
    rowsRead[kind.kind] = rows;
    options.onProgress?.({ kind: kind.kind, file: mine[0].file, rows, phase: 'merging' });
    errors.addFound(await duplicateKeys(tx, kind, stage));
    // A locked period refuses the whole import before anything of this kind is merged.
    await assertPeriodsOpen(tx, kind, stagedChanges(tx, kind, stage.name));
    const { written, replaced } = await mergeStage(tx, kind, stage, importId, now);
    if (kind.kind === 'units') await rebuildCovers(tx, stage);
    options.onProgress?.({ kind: kind.kind, file: mine[0].file, rows, phase: 'checking' });
    errors.addFound(await checkStage(tx, kind, stage));
    const staged = await countStage(tx, stage);
    kinds.push({ kind: kind.kind, rows, added: written - replaced, replaced, unchanged: staged - written });
    await run(tx, `drop table ${stage.name}`);
  }
  if (errors.count > 0) {
    throw new AppError('import_rejected', errors.summary(), errors.sorted(sources));
  }
  const written = kinds.reduce((n, k) => n + k.added + k.replaced, 0);
  const report: ImportReport = { importId, dryRun: !!options.dryRun, written, kinds };
  // The caller rolls a dry run back (importSources: Database.rehearse); it has no import of its own.
  if (options.dryRun) return { ...report, importId: null };
  await tx.kysely
    .updateTable('imports')
    .set({ finished_at: timestamp(), written, status: 'done' })
    .where('id', '=', importId)
    .execute();
  if (written > 0) await bumpDataVersion(tx);
  return report;
}

async function stageSource(
  source: ImportSource,
  stage: Stage,
  errors: ErrorList,
  options: ImportOptions,
): Promise<void> {
  const { kind } = source;
  let table: Table;
  try {
    table = await source.open();
  } catch (e) {
    return errors.fromThrown(e);
  }
  const { map, errors: headerErrors } = mapHeader(table.file, kind, table.header);
  if (!map) {
    errors.add(headerErrors);
    return table.close();
  }
  const width = table.header.length;
  const record: Record<string, Value> = {};
  let rows = 0;
  try {
    for await (const { line, cells } of table.rows) {
      rows++;
      if (rows % 50_000 === 0) options.onProgress?.({ kind: kind.kind, file: table.file, rows, phase: 'reading' });
      // SQLite's statements are synchronous: let the server answer (health, reads) meanwhile.
      if (rows % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (cells.length > width) {
        errors.add([rowError(table.file, line, '(row)', coded('too_many_cells', { cells: cells.length, width }))]);
        continue;
      }
      let ok = true;
      for (let i = 0; i < kind.columns.length; i++) {
        const column = kind.columns[i];
        const at = map.index[i];
        try {
          record[column.name] = column.parse(at < 0 ? '' : (cells[at] ?? ''));
        } catch (e) {
          if (!(e instanceof CellError)) throw e;
          ok = false;
          errors.add([rowError(table.file, line, column.name, e.problem)]);
        }
      }
      if (!ok) continue;
      const problems = kind.rowRules?.(record) ?? [];
      if (problems.length > 0) {
        errors.add(problems.map((p) => rowError(table.file, line, p.column, p)));
        continue;
      }
      const values: Value[] = kind.columns.map((c) => record[c.name]);
      const pending = stage.add(table.file, String(line), values);
      if (pending) await pending;
    }
  } catch (e) {
    errors.fromThrown(e);
  }
  options.onProgress?.({ kind: kind.kind, file: table.file, rows, phase: 'reading' });
}

async function countStage(tx: Tx, stage: Stage): Promise<number> {
  const [{ n }] = await all<{ n: number }>(tx, `select count(*) as n from ${stage.name}`);
  return Number(n);
}

/** unit_covers holds each room's `covers` as rows, for the coverage indicator and checks. */
async function rebuildCovers(tx: Tx, stage: Stage): Promise<void> {
  await run(tx, `delete from unit_covers where unit_code in (select code from ${stage.name})`);
  const rows = await all<{ code: string; covers: string | null }>(
    tx,
    `select code, covers from ${stage.name} where covers is not null`,
  );
  const pairs = rows.flatMap((r) => r.covers!.split(';').map((area) => [r.code, area] as const));
  for (let i = 0; i < pairs.length; i += 400) {
    const chunk = pairs.slice(i, i + 400);
    await run(
      tx,
      `insert into unit_covers (unit_code, area_code) values ${chunk.map(() => '(?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

class ErrorList {
  private list: RowError[] = [];
  count = 0;

  add(errors: RowError[]): void {
    this.count += errors.length;
    for (const e of errors) if (this.list.length < ERROR_LIMIT) this.list.push(e);
  }

  /** Errors of a set-wise step, which lists only its first ones but counts them all. */
  addFound(found: Found): void {
    this.add(found.errors);
    this.count += found.total - found.errors.length;
  }

  fromThrown(e: unknown): void {
    if (e instanceof AppError && e.details.length > 0) this.add(e.details as RowError[]);
    else throw e;
  }

  /** By file, then (the sheets of one workbook) by sheet in the order met, then by line. */
  sorted(sources: ImportSource[]): RowError[] {
    const order = new Map(sources.map((s, i) => [s.file, i]));
    const sheetOf = (l: number | string) => (typeof l === 'number' ? '' : l.slice(0, Math.max(0, l.lastIndexOf(':'))));
    const sheets = new Map<string, number>();
    for (const e of this.list) if (!sheets.has(sheetOf(e.line))) sheets.set(sheetOf(e.line), sheets.size);
    const lineKey = (l: number | string) => (typeof l === 'number' ? l : Number(String(l).split(':').pop()) || 0);
    return [...this.list].sort(
      (a, b) =>
        (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
        sheets.get(sheetOf(a.line))! - sheets.get(sheetOf(b.line))! ||
        lineKey(a.line) - lineKey(b.line),
    );
  }

  summary(): { count: number; listed: number } {
    return { count: this.count, listed: this.list.length };
  }
}
