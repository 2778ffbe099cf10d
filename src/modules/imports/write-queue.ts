/**
 * One writing job at a time per database: import jobs take their turn here, in the order they
 * came; a waiting job knows its place and can leave the queue (cancelled) before its turn.
 * The queue is the process's own; across processes on PostgreSQL the merge's advisory lock
 * (import.service.ts) keeps writers one after another.
 */
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/errors.ts';

interface Waiting {
  job: number;
  go(): void;
  leave(e: AppError): void;
}

/** How far a running job has read its file: rows read and checked, and the share of the file. */
export interface JobProgress {
  rows: number;
  share: number | null;
}

export class WriteQueue {
  private running: number | null = null;
  private waiting: Waiting[] = [];
  /** Per running job, the rows read of each of its files (a workbook: each sheet) and the last share. */
  private readonly read = new Map<number, { files: Map<string, number>; share: number | null }>();

  /** Runs `work` for `job` once every job before it has ended; throws import_job_cancelled if it left first. */
  async run<T>(job: number, work: () => Promise<T>): Promise<T> {
    if (this.running === null) this.running = job;
    else await new Promise<void>((go, leave) => this.waiting.push({ job, go, leave }));
    try {
      return await work();
    } finally {
      this.read.delete(job);
      // Handed straight to the next: nobody may slip in between.
      const next = this.waiting.shift();
      this.running = next?.job ?? null;
      next?.go();
    }
  }

  /** 1 for the next to run, null when the job is not waiting. */
  placeOf(job: number): number | null {
    const i = this.waiting.findIndex((w) => w.job === job);
    return i < 0 ? null : i + 1;
  }

  /** Notes that `job` has read `rows` rows of `file` so far (`share`: of the file, where known). */
  progress(job: number, file: string, rows: number, share?: number): void {
    let seen = this.read.get(job);
    if (!seen) this.read.set(job, (seen = { files: new Map(), share: null }));
    seen.files.set(file, rows);
    if (share !== undefined) seen.share = share;
  }

  /** How far `job` has read while it runs; null before it reads and once it has ended. */
  progressOf(job: number): JobProgress | null {
    const seen = this.read.get(job);
    if (!seen) return null;
    let rows = 0;
    for (const n of seen.files.values()) rows += n;
    return { rows, share: seen.share };
  }

  /** Takes a waiting job out of the queue; false when it was not waiting. */
  cancel(job: number): boolean {
    const i = this.waiting.findIndex((w) => w.job === job);
    if (i < 0) return false;
    const [gone] = this.waiting.splice(i, 1);
    gone.leave(new AppError('import_job_cancelled', { job }));
    return true;
  }
}

const queues = new WeakMap<Database, WriteQueue>();

/** The write queue of `db`. */
export function writeQueue(db: Database): WriteQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new WriteQueue()));
  return queue;
}
