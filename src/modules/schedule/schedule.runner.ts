/**
 * Runs jobs for a day: each due job is claimed for (job, day), run, and its events announced with
 * the run's outcome in one transaction; a failing job is recorded as failed with its error and
 * announced as `job.failed`, and the next job runs all the same. A day already run (or being run
 * by another process) is left alone, so running a day twice sends and creates nothing new.
 *
 * @example
 *   const outcomes = await runDay(runnerContext(db), '2019-08-05', { trigger: 'command' });
 */
import os from 'node:os';
import type { Database } from '../../db/database.ts';
import { now as clockNow, timeZone } from '../../shared/clock.ts';
import { AssessmentService } from '../assessment/assessment.service.ts';
import { announce } from '../channels/announce.ts';
import { eventId, type AnnouncedEvent } from '../channels/events.ts';
import { isEnabled, occurrenceOn, patternOf } from './due.ts';
import type { Job } from './job.ts';
import { JOBS } from './jobs/index.ts';
import { claimRun, finishRun, getRun } from './schedule.repository.ts';
import { loadScheduleSettings } from './schedule.settings.ts';

export type Trigger = 'schedule' | 'catch-up' | 'command';

export interface RunnerContext {
  db: Database;
  assessment: AssessmentService;
  jobs: Job[];
  tz: string;
  now: () => Date;
  /** Who runs: host and process, recorded with each run. */
  runner: string;
}

export function runnerContext(db: Database, assessment = new AssessmentService(db.kysely)): RunnerContext {
  return {
    db,
    assessment,
    jobs: JOBS,
    tz: timeZone(),
    now: clockNow,
    runner: `${os.hostname()}:${process.pid}`,
  };
}

export interface RunOutcome {
  job: string;
  day: string;
  /** skipped: not due that day, disabled, or already run (or running) for it. */
  status: 'ok' | 'failed' | 'skipped';
  reason?: 'not due' | 'disabled' | 'already run';
  run_id?: number;
  events: number;
  deliveries: number;
  summary?: Record<string, unknown>;
  error?: string;
}

/** Runs every job due on `day` (or only those named), in the registry's order. */
export async function runDay(
  ctx: RunnerContext,
  day: string,
  options: { trigger: Trigger; only?: string[]; signal?: AbortSignal },
): Promise<RunOutcome[]> {
  const settings = await loadScheduleSettings(ctx.db.kysely);
  const out: RunOutcome[] = [];
  for (const job of ctx.jobs) {
    if (options.only && !options.only.includes(job.name)) continue;
    if (options.signal?.aborted) break;
    const skipped = (reason: RunOutcome['reason']): RunOutcome => ({
      job: job.name,
      day,
      status: 'skipped',
      reason,
      events: 0,
      deliveries: 0,
    });
    if (!isEnabled(job, settings)) out.push(skipped('disabled'));
    else if (!occurrenceOn(patternOf(job, settings), day, ctx.tz)) out.push(skipped('not due'));
    else out.push(await runJob(ctx, job, day, options.trigger));
  }
  return out;
}

/** Claims and runs one job for one day. */
export async function runJob(ctx: RunnerContext, job: Job, day: string, trigger: Trigger): Promise<RunOutcome> {
  const db = ctx.db;
  const id = await claimRun(db.kysely, { job: job.name, day, trigger, runner: ctx.runner, now: ctx.now() });
  if (id === null) return { job: job.name, day, status: 'skipped', reason: 'already run', events: 0, deliveries: 0 };
  const settings = await loadScheduleSettings(db.kysely);
  try {
    const result = await job.run({ db, assessment: ctx.assessment, settings, tz: ctx.tz, now: ctx.now() }, day);
    const announced = await db.transaction(async (tx) => {
      const a = await announce(tx, result.events, { day, now: ctx.now(), runId: id });
      await finishRun(tx.kysely, id, {
        status: 'ok',
        finished_at: ctx.now().toISOString(),
        events: a.events,
        summary: JSON.stringify({ ...result.summary, deliveries: a.deliveries }),
        error: null,
      });
      return a;
    });
    return { job: job.name, day, status: 'ok', run_id: id, ...announced, summary: result.summary };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const attempt = (await getRun(db.kysely, id))?.attempt ?? 1;
    const announced = await db.transaction(async (tx) => {
      const a = await announce(tx, [failedEvent(job, day, attempt, error)], { day, now: ctx.now(), runId: id });
      await finishRun(tx.kysely, id, {
        status: 'failed',
        finished_at: ctx.now().toISOString(),
        events: a.events,
        summary: null,
        error,
      });
      return a;
    });
    return { job: job.name, day, status: 'failed', run_id: id, ...announced, error };
  }
}

function failedEvent(job: Job, day: string, attempt: number, error: string): AnnouncedEvent {
  return {
    id: eventId('job.failed', job.name, day, attempt),
    name: 'job.failed',
    area: null,
    month: null,
    title: { zh: `定时任务失败：${job.about.zh}`, en: `A scheduled job failed: ${job.about.en}` },
    text: {
      zh: `任务 ${job.name}（${day}，第 ${attempt} 次）失败：${error}`,
      en: `Job ${job.name} (${day}, attempt ${attempt}) failed: ${error}`,
    },
    link: `/admin/jobs?job=${job.name}`,
    data: { job: job.name, day, attempt, error },
  };
}
