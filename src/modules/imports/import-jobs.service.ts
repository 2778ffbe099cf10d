/**
 * Import jobs: an upload stored once in its spool folder, checked (a dry run) or written in the
 * database's write queue, its report or refusal kept on the job's row. A checked job waits for
 * its confirmation, which writes the same stored file (checked again inside the write: references,
 * scope, and whatever may-write.ts asks) without a second upload; it can be cancelled, and it
 * expires. A scoped account runs one job at a time, and its uploads unpack to its role's limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';
import { now, timestamp } from '../../shared/clock.ts';
import type { Scope } from '../accounts/scope.ts';
import type { AuditActor } from '../audit/audit.repository.ts';
import type { ImportProgress, ImportReport } from './import.service.ts';
import {
  insertJob,
  jobOf,
  jobsIn,
  recentJobs,
  RUNNING_PHASES,
  setPhase,
  type ImportJobRow,
} from './import-jobs.repository.ts';
import { loadImportSettings, type ImportSettings } from './imports.settings.ts';
import { kindByName } from './kinds/index.ts';
import { checkUnpacked, importUploaded, type RoleLimit } from './upload.service.ts';
import { writeQueue } from './write-queue.ts';
import type { ImportJobBody, ImportReportBody } from '#core/contracts/imports.schema.ts';

export interface JobActor {
  who: AuditActor;
  scope: Scope | null;
}

/** A stored upload: `<spool folder>/<the user's file name>`. */
export interface SpooledFile {
  path: string;
  bytes: number;
  kind?: string;
}

/** The outcome of a job that ran: its id and its report. */
export interface JobOutcome {
  job: number;
  report: ImportReport;
}

/**
 * For tests only: awaited when a job's turn in the write queue has come, before its import
 * begins, so a test can hold the queue (and not the database) and see jobs wait behind it.
 */
export const jobHooks: { onTurn?: () => Promise<void> } = {};

/** A job as `GET imports/{id}` shows it. */
export type JobView = ImportJobBody;

/** A report as the API answers it, with the job underneath. */
export function reportBody(report: ImportReport, job: number): ImportReportBody {
  return {
    job_id: job,
    import_id: report.importId,
    dry_run: report.dryRun,
    written: report.written,
    kinds: report.kinds,
  };
}

/**
 * Makes a job of an upload and runs it (check only, or check and write) when its turn comes;
 * answers once it has ended. The spool folder is the job's from here on: removed when the job
 * ends, kept while a checked job awaits its confirmation.
 */
export async function submitUpload(
  db: Database,
  file: SpooledFile,
  actor: JobActor,
  dryRun: boolean,
): Promise<JobOutcome> {
  const settings = await loadImportSettings(db.kysely);
  await expireDue(db);
  const name = path.basename(file.path);
  if (actor.scope) await oneAtATime(db, actor.who.actor);
  await checkUnpacked(file.path, name, roleLimit(actor.scope, settings));
  const job = await insertJob(db.kysely, {
    actor: actor.who.actor,
    scoped: !!actor.scope,
    name,
    kind: file.kind ?? null,
    bytes: file.bytes,
    spool: path.dirname(file.path),
    dryRun,
  });
  return { job, report: await runJob(db, job, uploadWork(db, file, actor, dryRun), dryRun, settings) };
}

/**
 * An import of files on the server's disk (`outpost import`) as a job of its own: its row shows
 * it (phase, rows, report, refusal) like an upload's, it takes its turn in the write queue, and
 * it answers when it has ended; the files are only read, never removed. A dry run ends `done`:
 * there is nothing stored to confirm.
 */
export async function submitFiles(
  db: Database,
  files: { name: string; bytes: number },
  actor: AuditActor,
  dryRun: boolean,
  work: (onProgress: (p: ImportProgress) => void) => Promise<ImportReport>,
): Promise<JobOutcome> {
  const settings = await loadImportSettings(db.kysely);
  const job = await insertJob(db.kysely, {
    actor: actor.actor,
    scoped: false,
    name: files.name,
    kind: null,
    bytes: files.bytes,
    spool: null,
    dryRun,
  });
  return { job, report: await runJob(db, job, { run: work, spool: null, confirmable: false }, dryRun, settings) };
}

/** Writes a checked job's stored file, checking it again inside the write. */
export async function confirmJob(db: Database, id: number, actor: JobActor): Promise<JobOutcome> {
  const settings = await loadImportSettings(db.kysely);
  await expireDue(db);
  const job = await ownJob(db, id, actor);
  const refuse = () => wrongPhase(job, 'confirm', settings.confirm_minutes);
  if (job.phase !== 'checked' || !job.spool) throw refuse();
  if (!(await setPhase(db.kysely, id, 'queued', {}, 'checked'))) throw refuse();
  const file = { path: path.join(job.spool, job.name), bytes: job.bytes, kind: job.kind ?? undefined };
  return { job: id, report: await runJob(db, id, uploadWork(db, file, actor, false), false, settings) };
}

/** Cancels a queued or checked job; its stored file goes. */
export async function cancelJob(db: Database, id: number, actor: JobActor): Promise<JobView> {
  const { confirm_minutes } = await loadImportSettings(db.kysely);
  const job = await ownJob(db, id, actor);
  const refuse = () => wrongPhase(job, 'cancel', confirm_minutes);
  const queued = job.phase === 'queued' && writeQueue(db).placeOf(id) !== null;
  if (!queued && job.phase !== 'checked') throw refuse();
  if (!(await setPhase(db.kysely, id, 'cancelled', { spool: null }, job.phase))) throw refuse();
  if (queued) writeQueue(db).cancel(id);
  await removeSpool(job.spool);
  return viewOf(db, { ...job, phase: 'cancelled', spool: null });
}

/** A job of the account's own, as `GET imports/{id}` answers it. */
export async function showJob(db: Database, id: number, actor: JobActor): Promise<JobView> {
  await expireDue(db);
  return viewOf(db, await ownJob(db, id, actor));
}

/** How many of its latest jobs `GET imports` shows an account. */
export const RECENT_JOBS = 20;

/** The account's own latest jobs, newest first (the web follows the one it is checking). */
export async function listJobs(db: Database, actor: JobActor): Promise<JobView[]> {
  await expireDue(db);
  const rows = await recentJobs(db.kysely, actor.who.actor, RECENT_JOBS);
  return Promise.all(rows.map((row) => viewOf(db, row)));
}

/**
 * After a restart nothing runs: a job that was queued, checking or writing is marked failed
 * (its transaction never committed, so nothing of it was written) and its stored file goes.
 */
export async function recoverImportJobs(db: Database): Promise<number> {
  const stale = await jobsIn(db.kysely, RUNNING_PHASES);
  for (const job of stale) {
    const error = new AppError('import_job_interrupted', { job: job.id });
    await setPhase(db.kysely, job.id, 'failed', { error: errorJson(error), spool: null });
    await removeSpool(job.spool);
  }
  return stale.length;
}

/** What a job runs in its turn, and what it leaves behind. */
interface JobWork {
  /** `onProgress` follows its reading, for `GET imports/{id}`. */
  run(onProgress: (p: ImportProgress) => void): Promise<ImportReport>;
  /** The folder the job owns (removed when it ends, kept while it awaits its confirmation). */
  spool: string | null;
  /** A dry run awaits its confirmation (an upload), or is done (files only read). */
  confirmable: boolean;
}

function uploadWork(db: Database, file: SpooledFile, actor: JobActor, dryRun: boolean): JobWork {
  const kind = file.kind ? kindByName(file.kind) : undefined;
  return {
    run: (onProgress) =>
      importUploaded(
        db,
        { path: file.path, bytes: file.bytes, kind },
        { who: actor.who, scope: actor.scope, dryRun, onProgress },
      ),
    spool: path.dirname(file.path),
    confirmable: true,
  };
}

async function runJob(
  db: Database,
  job: number,
  work: JobWork,
  dryRun: boolean,
  settings: ImportSettings,
): Promise<ImportReport> {
  const { spool } = work;
  try {
    const report = await writeQueue(db).run(job, async () => {
      if (!(await setPhase(db.kysely, job, dryRun ? 'checking' : 'writing', {}, 'queued')))
        throw new AppError('import_job_cancelled', { job });
      await jobHooks.onTurn?.();
      const queue = writeQueue(db);
      return work.run((p) => {
        if (p.phase === 'reading') queue.progress(job, `${p.kind}:${p.file}`, p.rows, p.share);
      });
    });
    const { job_id: _job, ...kept } = reportBody(report, job);
    if (dryRun && work.confirmable) {
      const expires = new Date(now().getTime() + settings.confirm_minutes * 60_000).toISOString();
      await setPhase(db.kysely, job, 'checked', { report: JSON.stringify(kept), expires_at: expires });
    } else {
      await setPhase(db.kysely, job, 'done', { report: JSON.stringify(kept), import_id: report.importId, spool: null });
      await removeSpool(spool);
    }
    return report;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'import_job_cancelled')) {
      const phase = e instanceof AppError && e.category !== 'internal' ? 'rejected' : 'failed';
      await setPhase(db.kysely, job, phase, { error: errorJson(e), spool: null });
    }
    await removeSpool(spool);
    throw e;
  }
}

/** A scoped account's earlier checked jobs give way to its new upload; a running one refuses it. */
async function oneAtATime(db: Database, actor: string): Promise<void> {
  const mine = await jobsIn(db.kysely, [...RUNNING_PHASES, 'checked'], actor);
  const running = mine.find((j) => j.phase !== 'checked');
  if (running) throw new AppError('import_job_busy', { job: running.id, phase: running.phase });
  for (const job of mine) {
    if (await setPhase(db.kysely, job.id, 'cancelled', { spool: null }, 'checked')) await removeSpool(job.spool);
  }
}

function roleLimit(scope: Scope | null, settings: ImportSettings): RoleLimit | undefined {
  if (!scope) return undefined;
  return scope.badge !== null
    ? { role: 'officer', cap: settings.officer_unpacked_max }
    : { role: 'manager', cap: settings.manager_unpacked_max };
}

/** Checked jobs past their time become expired, and their stored files go. */
async function expireDue(db: Database): Promise<void> {
  const at = timestamp();
  for (const job of await jobsIn(db.kysely, ['checked'])) {
    if (job.expires_at === null || job.expires_at > at) continue;
    if (await setPhase(db.kysely, job.id, 'expired', { spool: null }, 'checked')) await removeSpool(job.spool);
  }
}

async function ownJob(db: Database, id: number, actor: JobActor): Promise<ImportJobRow> {
  const job = await jobOf(db.kysely, id, actor.who.actor);
  if (!job) throw new AppError('import_job_not_found', { job: id });
  return job;
}

function wrongPhase(job: ImportJobRow, action: 'confirm' | 'cancel', minutes: number): AppError {
  if (job.phase === 'expired') return new AppError('import_job_expired', { job: job.id, minutes });
  return new AppError('import_job_wrong_phase', { job: job.id, phase: job.phase, action });
}

async function viewOf(db: Database, job: ImportJobRow): Promise<JobView> {
  const report = job.report ? (JSON.parse(job.report) as JobView['report']) : null;
  const progress = RUNNING_PHASES.includes(job.phase) ? writeQueue(db).progressOf(job.id) : null;
  return {
    id: job.id,
    phase: job.phase as JobView['phase'],
    place: job.phase === 'queued' ? writeQueue(db).placeOf(job.id) : null,
    name: job.name,
    dry_run: job.dry_run === 1,
    rows: report ? report.kinds.reduce((n, k) => n + k.rows, 0) : null,
    rows_read: progress?.rows ?? null,
    share_read: progress?.share ?? null,
    report,
    error: job.error ? (JSON.parse(job.error) as JobView['error']) : null,
    created_at: job.created_at,
    updated_at: job.updated_at,
    expires_at: job.expires_at,
  };
}

function errorJson(e: unknown): string {
  if (e instanceof AppError)
    return JSON.stringify({ code: e.code, params: e.params, details: e.details.slice(0, 1000) });
  return JSON.stringify({ code: 'internal_error', params: { detail: (e as Error).message }, details: [] });
}

async function removeSpool(spool: string | null): Promise<void> {
  if (spool) await fs.promises.rm(spool, { recursive: true, force: true }).catch(() => undefined);
}
