/**
 * Runs the server: listens at once (health answers 503 while starting), then makes the database
 * ready — on `start`, building the demonstration province into an empty database — and only
 * then answers health with 200. `close()` is the graceful stop: the warm-up stops between two
 * steps, new connections are refused, the requests under way finish, then the database closes.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../db/database.ts';
import { recoverImportJobs } from '../modules/imports/import-jobs.service.ts';
import { buildApp, type AppOptions } from './app.ts';
import { createContext, type AppContext } from '../modules/app-context.ts';
import { silentLogger } from './logging.ts';
import { warmUp } from '../modules/assessment/warm-up.ts';
import { buildDemo, finishDemoAccounts, isEmpty } from '../modules/demo/demo.service.ts';
import { commandActor } from '../modules/audit/audit.actor.ts';
import { trackJob } from '../shared/metrics.ts';
import type { ProgressBar } from '../shared/cli/progress.ts';
import { ensureWebBuild } from './web-build.ts';
import { Scheduler } from '../modules/schedule/scheduler.ts';
import { runnerContext } from '../modules/schedule/schedule.runner.ts';
import { DeliveryLoop } from '../modules/channels/delivery-loop.ts';

export interface ServeOptions {
  dbUrl: string;
  port: number;
  /** The address to bind (HOST; default 0.0.0.0, every IPv4 interface). */
  host?: string;
  demoWhenEmpty?: boolean;
  /** Scale of the demonstration province built into an empty database (default 1). */
  demoScale?: number;
  /** Build the web app first when its build is missing or stale (`npm start`). */
  buildWeb?: boolean;
  /** Once ready, compute the latest month's assessment in the background (`start`, `serve`). */
  warm?: boolean;
  /** Once ready, run the scheduled jobs and send their deliveries (`start`, `serve`). */
  schedule?: boolean;
  progress?: ProgressBar;
  /** The process's logger (createLogger); none: the server logs nothing. */
  logger?: FastifyBaseLogger;
  /** Proxy trust and the metrics token, when not from the environment. */
  app?: Pick<AppOptions, 'trustProxy' | 'metricsToken' | 'access'>;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  /** Where to reach it from this machine (the loopback address when it binds every interface). */
  url: string;
  /** The address and port actually bound. */
  bound: { address: string; port: number };
  ready: Promise<void>;
  /** True once the database is ready (migrated and, under `start`, the demonstration built). */
  isReady(): boolean;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const log = options.logger ?? (silentLogger() as FastifyBaseLogger);
  if (options.buildWeb) await ensureWebBuild((m) => log.info(m));
  const db = await openDatabase(options.dbUrl);
  // Nothing of a job that was under way when the server last stopped was written: it failed.
  const interrupted = await recoverImportJobs(db);
  if (interrupted > 0)
    log.warn({ jobs: interrupted }, `${interrupted} import job(s) interrupted by the restart marked failed`);
  let isReady = false;
  const stop = new AbortController();
  const ctx = createContext(db, () => isReady, stop.signal);
  const app = await buildApp(ctx, { ...options.app, logger: log });
  let warming: Promise<void> | undefined;
  let scheduler: Scheduler | undefined;
  let deliveries: DeliveryLoop | undefined;
  await app.listen({
    port: options.port,
    host: options.host ?? '0.0.0.0',
    listenTextResolver: (address) => `reachable at ${address}`,
  });
  const bound = app.server.address() as AddressInfo;
  const url = `http://${hostInUrl(openAddress(bound.address))}:${bound.port}`;
  log.info(
    { address: bound.address, port: bound.port, engine: db.engine },
    `listening on http://${hostInUrl(bound.address)}:${bound.port} (on this machine: ${url}); database: ${db.engine}`,
  );
  const ready = (async () => {
    if (options.demoWhenEmpty && (await isEmpty(db))) {
      log.info('empty database: building the demonstration province (Jilin, 2019) …');
      const started = Date.now();
      await buildDemo(db, {
        seed: 1,
        scale: options.demoScale ?? 1,
        who: commandActor('start'),
        onProgress: (p) => options.progress?.update(`demo ${p.phase} ${p.kind}`, p.rows),
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      options.progress?.done(`demonstration province built in ${seconds} s`);
      log.info({ seconds: Number(seconds) }, 'demonstration province built');
    } else if (options.demoWhenEmpty && (await finishDemoAccounts(db, commandActor('start'))))
      log.info('demonstration database without accounts: the demonstration accounts were added');
    isReady = true;
    log.info('ready');
    if (options.warm) warming = warm(ctx, log);
    if (options.schedule && !stop.signal.aborted) {
      const say = (message: string): void => log.info(message);
      deliveries = new DeliveryLoop(db, { log: say });
      scheduler = new Scheduler(runnerContext(db, ctx.assessment), {
        log: say,
        onRan: (outcome) => outcome.events > 0 && deliveries?.poke(),
      });
      deliveries.start();
      await scheduler.start();
    }
  })();
  return {
    app,
    db,
    url,
    bound: { address: bound.address, port: bound.port },
    ready,
    isReady: () => isReady,
    async close() {
      stop.abort();
      // Between jobs and between deliveries: what is under way finishes, nothing new starts.
      await scheduler?.stop();
      await deliveries?.stop();
      await app.close();
      await warming;
      await db.close();
    },
  };
}

/** The address a person on this machine opens: loopback for a wildcard bind. */
function openAddress(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '::1';
  return address;
}

function hostInUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * The warm-up, as a job: counted in the jobs' metrics, stopped between two steps when the
 * server closes, and only logged when it fails (the next request computes what it needs).
 */
async function warm(ctx: AppContext, log: FastifyBaseLogger): Promise<void> {
  const signal = ctx.stopping;
  const job = trackJob('warm-up');
  try {
    const { month, ms } = await warmUp(ctx.assessment, signal);
    job.done(signal.aborted ? 'stopped' : 'ok');
    if (month && !signal.aborted)
      log.info({ month, seconds: ms / 1000 }, `assessment of ${month} computed in ${(ms / 1000).toFixed(1)} s`);
  } catch (e) {
    job.done('failed');
    log.warn({ err: e }, "computing the latest month's assessment in advance failed");
  }
}
