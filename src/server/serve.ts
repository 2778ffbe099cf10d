/**
 * Runs the server: listens at once (health answers 503 while starting), then makes the database
 * ready — on `start`, building the demonstration province into an empty database — and only
 * then answers health with 200.
 */
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../db/database.ts';
import { buildApp } from './app.ts';
import { createContext, type AppContext } from './context.ts';
import { warmUp } from '../modules/assessment/warm-up.ts';
import { buildDemo, finishDemoAccounts, isEmpty } from '../modules/demo/demo.service.ts';
import { commandActor } from '../modules/audit/audit.actor.ts';
import type { ProgressBar } from '../cli/progress.ts';
import { ensureWebBuild } from './web-build.ts';
import { Scheduler } from '../modules/schedule/scheduler.ts';
import { runnerContext } from '../modules/schedule/schedule.runner.ts';
import { DeliveryLoop } from '../modules/channels/delivery-loop.ts';

export interface ServeOptions {
  dbUrl: string;
  port: number;
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
  log?(message: string): void;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  ready: Promise<void>;
  close(): Promise<void>;
}

export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (options.buildWeb) await ensureWebBuild(options.log);
  const db = await openDatabase(options.dbUrl);
  let isReady = false;
  const ctx = createContext(db, () => isReady);
  const app = await buildApp(ctx);
  let warming: Promise<void> | undefined;
  let scheduler: Scheduler | undefined;
  let deliveries: DeliveryLoop | undefined;
  const stop = new AbortController();
  const address = await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  options.log?.(`Outpost listening on ${address.replace('0.0.0.0', 'localhost')} (database: ${db.engine})`);
  const ready = (async () => {
    if (options.demoWhenEmpty && (await isEmpty(db))) {
      options.log?.('empty database: building the demonstration province (Jilin, 2019) …');
      const started = Date.now();
      await buildDemo(db, {
        seed: 1,
        scale: options.demoScale ?? 1,
        who: commandActor('start'),
        onProgress: (p) => options.progress?.update(`demo ${p.phase} ${p.kind}`, p.rows),
      });
      options.progress?.done(`demonstration province built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else if (options.demoWhenEmpty && (await finishDemoAccounts(db, commandActor('start'))))
      options.log?.('demonstration database without accounts: the demonstration accounts were added');
    isReady = true;
    options.log?.('ready');
    if (options.warm) warming = warm(ctx, stop.signal, options.log);
    if (options.schedule && !stop.signal.aborted) {
      deliveries = new DeliveryLoop(db, { log: options.log });
      scheduler = new Scheduler(runnerContext(db, ctx.assessment), {
        log: options.log,
        onRan: (outcome) => outcome.events > 0 && deliveries?.poke(),
      });
      deliveries.start();
      await scheduler.start();
    }
  })();
  return {
    app,
    db,
    url: address,
    ready,
    async close() {
      stop.abort();
      // Between jobs and between deliveries: what is under way finishes, nothing new starts.
      await scheduler?.stop();
      await deliveries?.stop();
      await warming;
      await app.close();
      await db.close();
    },
  };
}

/** The warm-up, logged; a failure is only logged (the next request computes what it needs). */
async function warm(ctx: AppContext, signal: AbortSignal, log: ServeOptions['log']): Promise<void> {
  try {
    const { month, ms } = await warmUp(ctx.assessment, signal);
    if (month && !signal.aborted) log?.(`assessment of ${month} computed in ${(ms / 1000).toFixed(1)} s`);
  } catch (e) {
    log?.(`computing the latest month's assessment in advance failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
