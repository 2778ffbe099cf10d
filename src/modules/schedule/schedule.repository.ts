/**
 * Queries of job runs. A run is claimed by inserting its (job, day) row, unique in the database,
 * so that of two server processes (or a server and `outpost schedule run`) only one runs a job
 * for a day; a failed run, or one whose process died, is claimed again by updating its row.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, JobRunTable } from '../../db/schema.ts';
import { paged } from '../../db/page.ts';

export type JobRunRow = Selectable<JobRunTable>;

/** A run still `running` after this long was left by a process that died. */
const STALE_MS = 2 * 3_600_000;

/** Claims (job, day); the run's id, or null when it ran, runs elsewhere, or was claimed first. */
export async function claimRun(
  db: Kysely<DB>,
  c: { job: string; day: string; trigger: string; runner: string; now: Date },
): Promise<number | null> {
  const at = c.now.toISOString();
  const inserted = await db
    .insertInto('job_runs')
    .values({
      job: c.job,
      day: c.day,
      status: 'running',
      attempt: 1,
      trigger: c.trigger,
      runner: c.runner,
      started_at: at,
      finished_at: null,
      events: 0,
      summary: null,
      error: null,
    })
    .onConflict((oc) => oc.columns(['job', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return Number(inserted.id);
  const stale = new Date(c.now.getTime() - STALE_MS).toISOString();
  const again = await db
    .updateTable('job_runs')
    .set((eb) => ({
      status: 'running',
      attempt: eb('attempt', '+', 1),
      trigger: c.trigger,
      runner: c.runner,
      started_at: at,
      finished_at: null,
      error: null,
    }))
    .where('job', '=', c.job)
    .where('day', '=', c.day)
    .where((eb) =>
      eb.or([eb('status', '=', 'failed'), eb.and([eb('status', '=', 'running'), eb('started_at', '<', stale)])]),
    )
    .returning('id')
    .executeTakeFirst();
  return again ? Number(again.id) : null;
}

export async function finishRun(
  db: Kysely<DB>,
  id: number,
  set: { status: 'ok' | 'failed'; finished_at: string; events: number; summary: string | null; error: string | null },
): Promise<void> {
  await db.updateTable('job_runs').set(set).where('id', '=', id).execute();
}

export function getRun(db: Kysely<DB>, id: number): Promise<JobRunRow | undefined> {
  return db.selectFrom('job_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The latest day each job has a run for, whatever its outcome. */
export async function latestDays(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('job_runs')
    .select((eb) => ['job', eb.fn.max('day').as('day')])
    .groupBy('job')
    .execute();
  return new Map(rows.map((r) => [r.job, r.day]));
}

/** Failed runs from `since` on that may be tried again (fewer than `attempts` so far). */
export function retryableRuns(db: Kysely<DB>, since: string, attempts: number): Promise<JobRunRow[]> {
  return db
    .selectFrom('job_runs')
    .selectAll()
    .where('status', '=', 'failed')
    .where('day', '>=', since)
    .where('attempt', '<', attempts)
    .orderBy('day')
    .execute();
}

/** The last run of each job. */
export async function lastRuns(db: Kysely<DB>): Promise<Map<string, JobRunRow>> {
  const rows = await db
    .selectFrom('job_runs')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('job_runs')
        .select((e) => e.fn.max('id').as('id'))
        .groupBy('job'),
    )
    .execute();
  return new Map(rows.map((r) => [r.job, r]));
}

export function listRuns(
  db: Kysely<DB>,
  f: { job?: string; status?: string; limit: number; offset: number },
): Promise<{ items: JobRunRow[]; total: number }> {
  let q = db.selectFrom('job_runs').selectAll();
  if (f.job) q = q.where('job', '=', f.job);
  if (f.status) q = q.where('status', '=', f.status);
  return paged(q, (rows) => rows.orderBy('started_at', 'desc').orderBy('id', 'desc'), f);
}
