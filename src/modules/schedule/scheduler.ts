/**
 * The scheduler in the server process: one croner timer per job, in OUTPOST_TZ, and every ten
 * minutes a look at the settings (a changed pattern re-arms its timer) and at what is due. Whenever a timer fires,
 * and once at start, it catches up: every day since a job's last recorded run (at most
 * CATCH_UP_DAYS back) whose occurrence has passed is run once, oldest first, and failed runs are
 * tried again up to RETRIES times. Runs go one at a time; claims in the database keep a second
 * server process from running the same (job, day). `stop()` lets the job running finish and
 * starts no other.
 *
 * @example
 *   const scheduler = new Scheduler(runnerContext(db, assessment), { onRan: () => deliveries.poke() });
 *   await scheduler.start();
 *   …
 *   await scheduler.stop();
 */
import { Cron } from 'croner';
import { addDays, dayOf, daysFrom } from '../../shared/clock.ts';
import { isEnabled, occurrenceOn, patternOf } from './due.ts';
import type { Job } from './job.ts';
import { runJob, type RunnerContext, type RunOutcome, type Trigger } from './schedule.runner.ts';
import { latestDays, retryableRuns } from './schedule.repository.ts';
import { loadScheduleSettings } from './schedule.settings.ts';

/** How far back missed days are caught up. */
export const CATCH_UP_DAYS = 31;
/** Attempts of a failed run the scheduler makes by itself (an operator's `schedule run` always tries). */
export const RETRIES = 3;

export interface SchedulerOptions {
  log?(message: string): void;
  /** Called after a run that announced events (the delivery loop sends them at once). */
  onRan?(outcome: RunOutcome): void;
}

export class Scheduler {
  private timers = new Map<string, { pattern: string; cron: Cron }>();
  private watch?: Cron;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly ctx: RunnerContext,
    private readonly options: SchedulerOptions = {},
  ) {}

  async start(): Promise<void> {
    await this.arm();
    this.watch = new Cron('*/10 * * * *', { timezone: this.ctx.tz, protect: true }, () => {
      this.enqueue(() => this.arm());
      this.enqueue(async () => void (await this.catchUp()));
    });
    this.enqueue(async () => void (await this.catchUp()));
  }

  /** Stops the timers; resolves when the job running (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.watch?.stop();
    for (const t of this.timers.values()) t.cron.stop();
    this.timers.clear();
    await this.queue;
  }

  /** Waits for the runs queued so far (tests, and the server's own shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  private enqueue(fn: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.stopped ? undefined : fn()))
      .catch((e: unknown) => this.options.log?.(`scheduler: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** One timer per enabled job with its current pattern; a changed pattern is re-armed. */
  private async arm(): Promise<void> {
    if (this.stopped) return;
    const settings = await loadScheduleSettings(this.ctx.db.kysely);
    for (const job of this.ctx.jobs) {
      const pattern = isEnabled(job, settings) ? patternOf(job, settings) : null;
      const current = this.timers.get(job.name);
      if (current?.pattern === pattern) continue;
      current?.cron.stop();
      this.timers.delete(job.name);
      if (pattern === null) continue;
      const cron = new Cron(pattern, { timezone: this.ctx.tz, protect: true }, () =>
        this.enqueue(async () => void (await this.catchUp())),
      );
      this.timers.set(job.name, { pattern, cron });
    }
  }

  /** Runs every (job, day) missed or failed, oldest first. */
  async catchUp(): Promise<RunOutcome[]> {
    const now = this.ctx.now();
    const today = dayOf(now, this.ctx.tz);
    const oldest = addDays(today, -CATCH_UP_DAYS);
    const settings = await loadScheduleSettings(this.ctx.db.kysely);
    const last = await latestDays(this.ctx.db.kysely);
    const due: { day: string; job: Job; order: number; trigger: Trigger }[] = [];
    this.ctx.jobs.forEach((job, order) => {
      if (!isEnabled(job, settings)) return;
      const pattern = patternOf(job, settings);
      const seen = last.get(job.name);
      // A job never run before starts today: nothing was missed before the server first knew it.
      const from = seen ? (addDays(seen) > oldest ? addDays(seen) : oldest) : today;
      for (const day of daysFrom(from, today)) {
        const at = occurrenceOn(pattern, day, this.ctx.tz);
        if (at && at <= now) due.push({ day, job, order, trigger: day === today ? 'schedule' : 'catch-up' });
      }
    });
    for (const run of await retryableRuns(this.ctx.db.kysely, oldest, RETRIES)) {
      const order = this.ctx.jobs.findIndex((j) => j.name === run.job);
      if (order >= 0 && isEnabled(this.ctx.jobs[order], settings))
        due.push({ day: run.day, job: this.ctx.jobs[order], order, trigger: 'catch-up' });
    }
    const seenKeys = new Set<string>();
    const unique = due.filter(
      (d) => !seenKeys.has(`${d.job.name} ${d.day}`) && !!seenKeys.add(`${d.job.name} ${d.day}`),
    );
    unique.sort((a, b) => (a.day === b.day ? a.order - b.order : a.day < b.day ? -1 : 1));
    const outcomes: RunOutcome[] = [];
    for (const d of unique) {
      if (this.stopped) break;
      const outcome = await runJob(this.ctx, d.job, d.day, d.trigger);
      if (outcome.status === 'skipped') continue;
      outcomes.push(outcome);
      this.options.log?.(
        `job ${d.job.name} for ${d.day}: ${outcome.status}${outcome.error ? ` (${outcome.error})` : ''}, ${outcome.events} events`,
      );
      this.options.onRan?.(outcome);
    }
    return outcomes;
  }
}
