/**
 * The import use case: reads every source of SPEC §2 in kind order into stages, checks each row
 * and each reference, merges, and commits only when nothing was rejected.
 */
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { bumpDataVersion } from '../../db/data-version.ts';
import { recordImport, type ImportOutcome } from '../../shared/metrics.ts';
import { KINDS, type ImportKind } from './kinds/index.ts';
import { checkStage, duplicateKeys, mergeStage } from './merge.ts';
import { all, openStage, run, type Stage } from './stage.ts';
import { ErrorList, stageSource, type ImportProgress, type ImportSource } from './staging.ts';
import { mayWriteRows, type MayWrite } from './may-write.ts';
import { timestamp } from '../../shared/clock.ts';
import { IMPORT_LOCK } from './import-lock.ts';

export { ERROR_LIMIT, type ImportProgress, type ImportSource } from './staging.ts';

export interface ImportOptions {
  actor: string;
  source: string;
  dryRun?: boolean;
  onProgress?(p: ImportProgress): void;
  /**
   * What decides, inside the transaction, whether a kind's staged rows may be written (after the
   * kinds before it were merged, so it sees what the same import adds): a scoped account's
   * scope (may-write.ts). Throwing ends the import, writing nothing.
   */
  mayWrite?: MayWrite;
  /**
   * Read and check the files on a connection of the import's own and take the turn to write only
   * for the merge (Database.apart): a large upload, which nobody's single record should wait for.
   */
  apart?: boolean;
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

/** What runs in the import's transaction around the import itself (a scope check, an audit entry). */
export interface AroundImport {
  /** Takes the turn to write once every row is read into its stage (Database.apart). */
  begin?(): Promise<void>;
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
  const end = options.dryRun ? 'rollback' : 'commit';
  if (options.apart)
    return db.apart((tx, begin) => importInTransaction(tx, sources, options, { ...around, begin }), end);
  const run = (tx: Tx) => importInTransaction(tx, sources, options, around);
  return options.dryRun ? db.rehearse(run) : db.transaction(run);
}

export { IMPORT_LOCK };

/**
 * For tests and benchmarks only: `staged` is awaited once every row is read and checked by its
 * kind's own rules, before the import takes its turn to write, so a test can hold an import in
 * its checking and see who waits for it; `afterMerge` is awaited inside a writing import's
 * transaction once every row is merged and before it commits, so a test can hold an import there
 * and see what others read meanwhile; `onLock` is called with the rows staged when a merge
 * begins (the lock taken).
 */
export const mergeHooks: {
  staged?: () => Promise<void>;
  afterMerge?: () => Promise<void>;
  onLock?: (rows: number) => void;
} = {};

/**
 * The same, inside a transaction the caller holds (records written through the API), with what
 * runs around it there (`around`). Each import's rows and duration go to the metrics by how it
 * ended.
 */
export async function importInTransaction(
  tx: Tx,
  sources: ImportSource[],
  options: ImportOptions,
  around: AroundImport = {},
): Promise<ImportReport> {
  const started = performance.now();
  const rowsRead: Record<string, number> = {};
  const ended = (outcome: ImportOutcome) =>
    recordImport(options.source, outcome, (performance.now() - started) / 1000, rowsRead);
  try {
    const report = await runImport(tx, sources, options, rowsRead, around);
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
  around: AroundImport,
): Promise<ImportReport> {
  const errors = new ErrorList();
  const staged = await stageAll(tx, sources, errors, options.onProgress);
  for (const s of staged) rowsRead[s.kind.kind] = s.rows;
  if (options.apart) await mergeHooks.staged?.();
  await around.begin?.();
  await around.before?.(tx);
  const report = await writeStaged(tx, staged, sources, { ...options, errors });
  if (!options.dryRun) await around.after?.(tx, report);
  return report;
}

/** A kind's sources read into its stage. */
export interface StagedKind {
  kind: ImportKind;
  /** The first file of the kind (for progress). */
  file: string;
  stage: Stage;
  /** Rows read, rejected ones included. */
  read: number;
  /** Rows staged. */
  rows: number;
}

/**
 * Reads every source into its kind's stage, in the import's order; nothing but the stages (on
 * the connection `tx` belongs to) is written. The rejected places go to `errors`.
 */
export async function stageAll(
  tx: Tx,
  sources: ImportSource[],
  errors: ErrorList,
  onProgress?: (p: ImportProgress) => void,
): Promise<StagedKind[]> {
  const staged: StagedKind[] = [];
  for (const kind of KINDS) {
    const mine = sources.filter((s) => s.kind === kind);
    if (mine.length === 0) continue;
    const stage = await openStage(tx, kind);
    let read = 0;
    for (const source of mine) read += await stageSource(source, stage, errors, onProgress);
    staged.push({ kind, file: mine[0].file, stage, read, rows: await stage.finish() });
  }
  return staged;
}

/**
 * The writing of staged kinds, inside the caller's transaction: PostgreSQL's IMPORT_LOCK, the
 * import's own row, then in order each kind asked whether its rows may be written, merged and
 * checked against the database as merged so far; all or nothing. `errors` may hold what was
 * found before (the rejected rows of reading): any error rejects the whole import.
 */
export async function writeStaged(
  tx: Tx,
  staged: StagedKind[],
  sources: ImportSource[],
  options: ImportOptions & { errors?: ErrorList },
): Promise<ImportReport> {
  if (tx.engine === 'postgres') await run(tx, 'select pg_advisory_xact_lock(?)', [IMPORT_LOCK]);
  if (!options.dryRun) mergeHooks.onLock?.(staged.reduce((n, s) => n + s.rows, 0));
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
  const errors = options.errors ?? new ErrorList();
  const kinds: KindReport[] = [];
  for (const { kind, file, stage, read } of staged) {
    await mayWriteRows(tx, kind, stage, read, options.mayWrite);
    options.onProgress?.({ kind: kind.kind, file, rows: read, phase: 'merging' });
    kinds.push(await mergeKind(tx, kind, stage, { importId, now, errors }));
    options.onProgress?.({ kind: kind.kind, file, rows: read, phase: 'checking' });
    await run(tx, `drop table ${stage.name}`);
  }
  if (!options.dryRun) await mergeHooks.afterMerge?.();
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

/**
 * Merges a kind's filled stage into its table (the kinds before it merged already), keeping the
 * history of replaced rows, and checks the stage against the database as that leaves it (a row
 * may name what the same import adds); what the checks find goes to `errors`.
 */
export async function mergeKind(
  tx: Tx,
  kind: ImportKind,
  stage: Stage,
  at: { importId: number; now: string; errors: ErrorList },
): Promise<KindReport> {
  const { errors } = at;
  const rows = await countStage(tx, stage);
  errors.addFound(await duplicateKeys(tx, kind, stage));
  const { written, replaced } = await mergeStage(tx, kind, stage, at.importId, at.now);
  if (kind.kind === 'units') await rebuildCovers(tx, stage);
  errors.addFound(await checkStage(tx, kind, stage));
  const staged = await countStage(tx, stage);
  return { kind: kind.kind, rows, added: written - replaced, replaced, unchanged: staged - written };
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
