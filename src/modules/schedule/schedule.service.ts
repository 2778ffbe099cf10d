/**
 * What admins see of the schedule: every job with its pattern, next run times and last run, and
 * the runs newest first.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import { isEnabled, nextRuns, patternOf } from './due.ts';
import type { Job } from './job.ts';
import { lastRuns, listRuns, type JobRunRow } from './schedule.repository.ts';
import type { JobView, RunView } from '#core/contracts/schedule.schema.ts';
import { loadScheduleSettings } from './schedule.settings.ts';

export function presentRun(row: JobRunRow): RunView {
  return {
    id: Number(row.id),
    job: row.job,
    day: row.day,
    status: row.status as RunView['status'],
    attempt: Number(row.attempt),
    trigger: row.trigger,
    runner: row.runner,
    started_at: row.started_at,
    finished_at: row.finished_at,
    events: Number(row.events),
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    error: row.error,
  };
}

export async function jobsView(db: Kysely<DB>, jobs: Job[], tz: string, now: Date): Promise<JobView[]> {
  const settings = await loadScheduleSettings(db);
  const last = await lastRuns(db);
  return jobs.map((job) => {
    const pattern = patternOf(job, settings);
    const enabled = isEnabled(job, settings);
    const run = last.get(job.name);
    return {
      name: job.name,
      about: job.about,
      pattern,
      enabled,
      time_zone: tz,
      next_runs: enabled ? nextRuns(pattern, tz, now).map((d) => d.toISOString()) : [],
      last_run: run ? presentRun(run) : null,
    };
  });
}

export async function runsView(
  db: Kysely<DB>,
  jobs: Job[],
  f: { job?: string; status?: string; limit: number; offset: number },
): Promise<{ items: RunView[]; total: number; limit: number; offset: number }> {
  if (f.job && !jobs.some((j) => j.name === f.job))
    throw new AppError('job_not_found', { name: f.job, jobs: jobs.map((j) => j.name) });
  const { items, total } = await listRuns(db, f);
  return { items: items.map(presentRun), total, limit: f.limit, offset: f.offset };
}

export function jobNamed(jobs: Job[], name: string): Job {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new AppError('job_not_found', { name, jobs: jobs.map((j) => j.name) });
  return job;
}
