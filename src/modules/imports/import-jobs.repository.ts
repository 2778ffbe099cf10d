/** The rows of import jobs (migration 009): an upload's phase, report and refusal. */
import type { Kysely, Selectable } from 'kysely';
import type { DB, ImportJobTable } from '../../db/schema.ts';
import { timestamp } from '../../shared/clock.ts';

export type ImportJobRow = Selectable<ImportJobTable>;

/** Phases a job can still move on from by itself (its spool folder is in use). */
export const RUNNING_PHASES = ['queued', 'checking', 'writing'];

export async function insertJob(
  db: Kysely<DB>,
  job: {
    actor: string;
    scoped: boolean;
    name: string;
    kind: string | null;
    bytes: number;
    /** The upload's folder; null for files the job only reads (`outpost import`). */
    spool: string | null;
    dryRun: boolean;
  },
): Promise<number> {
  const now = timestamp();
  const [{ id }] = await db
    .insertInto('import_jobs')
    .values({
      actor: job.actor,
      scoped: job.scoped ? 1 : 0,
      name: job.name,
      kind: job.kind,
      bytes: job.bytes,
      spool: job.spool,
      phase: 'queued',
      dry_run: job.dryRun ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .execute();
  return id;
}

/** The job `id` of `actor`, if any (another account's job does not exist for it). */
export async function jobOf(db: Kysely<DB>, id: number, actor: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).where('actor', '=', actor).executeTakeFirst();
}

/** The latest jobs of `actor`, newest first. */
export async function recentJobs(db: Kysely<DB>, actor: string, limit: number): Promise<ImportJobRow[]> {
  return db
    .selectFrom('import_jobs')
    .selectAll()
    .where('actor', '=', actor)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Moves a job on; with `from`, only if it is still in that phase (false when it was not). */
export async function setPhase(
  db: Kysely<DB>,
  id: number,
  phase: string,
  change: Partial<Pick<ImportJobRow, 'report' | 'error' | 'import_id' | 'expires_at' | 'spool'>> = {},
  from?: string,
): Promise<boolean> {
  let q = db
    .updateTable('import_jobs')
    .set({ ...change, phase, updated_at: timestamp() })
    .where('id', '=', id);
  if (from) q = q.where('phase', '=', from);
  const [result] = await q.execute();
  return Number(result.numUpdatedRows) > 0;
}

/** The jobs of `actor` in any of `phases`. */
export async function jobsIn(db: Kysely<DB>, phases: string[], actor?: string): Promise<ImportJobRow[]> {
  let q = db.selectFrom('import_jobs').selectAll().where('phase', 'in', phases);
  if (actor !== undefined) q = q.where('actor', '=', actor);
  return q.orderBy('id').execute();
}
