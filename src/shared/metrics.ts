/**
 * The process's Prometheus metrics (prom-client), one registry that every part feeds and that
 * `GET /metrics` answers: HTTP requests (server/metrics.routes.ts), imports, background jobs and
 * database connection waits. A new kind of job needs no new metric: it runs under `trackJob`.
 *
 * @example
 *   const job = trackJob('warm-up');
 *   try { await work(); job.done('ok'); } catch (e) { job.done('failed'); throw e; }
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric of the process. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'outpost_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const LONG_SECONDS = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800];

/** HTTP requests by route pattern (never the raw URL), method and status. */
export const httpDuration = new Histogram({
  name: 'outpost_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern, method and status',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

const importRows = new Counter({
  name: 'outpost_import_rows_total',
  help: 'Rows read by imports (files, uploads, posted records), by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

const importDuration = new Histogram({
  name: 'outpost_import_duration_seconds',
  help: 'Time an import took, by where it came from and its outcome',
  labelNames: ['source', 'outcome'] as const,
  buckets: LONG_SECONDS,
  registers: [metricsRegistry],
});

/** How an import ended: written, checked without writing, refused for its rows, or failed. */
export type ImportOutcome = 'written' | 'dry_run' | 'rejected' | 'failed';

/** One import's figures, once it has ended. */
export function recordImport(
  source: string,
  outcome: ImportOutcome,
  seconds: number,
  rowsByKind: Record<string, number>,
): void {
  importDuration.observe({ source, outcome }, seconds);
  for (const [kind, rows] of Object.entries(rowsByKind)) if (rows > 0) importRows.inc({ kind, outcome }, rows);
}

const jobsRunning = new Gauge({
  name: 'outpost_jobs_running',
  help: 'Background jobs running now, by kind',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

const jobsTotal = new Counter({
  name: 'outpost_jobs_total',
  help: 'Background jobs ended, by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

const jobDuration = new Histogram({
  name: 'outpost_job_duration_seconds',
  help: 'Time a background job ran, by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  buckets: LONG_SECONDS,
  registers: [metricsRegistry],
});

/** How a job ended: finished, stopped between steps (a server closing), or failed. */
export type JobOutcome = 'ok' | 'stopped' | 'failed';

/** A job under way: counted as running until `done` (a second `done` changes nothing). */
export interface TrackedJob {
  done(outcome: JobOutcome): void;
}

/** Counts a job of `kind` as running, until it says how it ended. */
export function trackJob(kind: string): TrackedJob {
  const started = performance.now();
  let ended = false;
  jobsRunning.inc({ kind });
  return {
    done(outcome) {
      if (ended) return;
      ended = true;
      jobsRunning.dec({ kind });
      jobsTotal.inc({ kind, outcome });
      jobDuration.observe({ kind, outcome }, (performance.now() - started) / 1000);
    },
  };
}

/** Waits for a database connection: SQLite's one connection, or a pooled PostgreSQL one. */
export const connectionWait = new Histogram({
  name: 'outpost_db_connection_wait_seconds',
  help: 'Time spent waiting for a database connection (SQLite: for its one connection; PostgreSQL: for a pooled one)',
  labelNames: ['engine'] as const,
  buckets: [0.0001, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [metricsRegistry],
});

/** A PostgreSQL pool as its gauges read it. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const pools = new Set<PoolCounts>();

/** Counts the pool in the pool gauges until `forget` (its database closed). */
export function watchPool(pool: PoolCounts): { forget(): void } {
  pools.add(pool);
  return { forget: () => void pools.delete(pool) };
}

const sum = (key: keyof PoolCounts) => [...pools].reduce((n, p) => n + p[key], 0);

new Gauge({
  name: 'outpost_db_pool_waiting',
  help: 'Queries waiting for a PostgreSQL pool connection now',
  registers: [metricsRegistry],
  collect() {
    this.set(sum('waitingCount'));
  },
});

new Gauge({
  name: 'outpost_db_pool_connections',
  help: 'PostgreSQL pool connections now, by state',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.set({ state: 'idle' }, sum('idleCount'));
    this.set({ state: 'busy' }, sum('totalCount') - sum('idleCount'));
  },
});
