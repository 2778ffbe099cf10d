/**
 * `outpost serve` and `outpost start`: the server as a service. It logs JSON lines on stdout
 * (OUTPOST_LOG_LEVEL), binds HOST:PORT (or --host, --port), and on SIGTERM or SIGINT stops
 * gracefully (serve.ts) and exits 0; a second signal ends it at once.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Command, Io } from '../shared/cli/command.ts';
import { parse } from '../shared/cli/args.ts';
import { progressBar } from '../shared/cli/progress.ts';
import { resolveDbUrl } from '../db/database.ts';
import { AppError } from '../shared/errors.ts';
import { timeZone } from '../shared/clock.ts';
import { createLogger, logLevel } from './logging.ts';
import { serve } from './serve.ts';

function port(value: string | undefined): number {
  const p = Number(value ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(p) || p < 0 || p > 65535)
    throw new AppError('port_invalid', { value: String(value ?? process.env.PORT) });
  return p;
}

/** --host, else HOST, else every IPv4 interface. */
function host(value: string | undefined): string {
  return value || process.env.HOST?.trim() || '0.0.0.0';
}

function configError(e: unknown): never {
  throw new AppError('setting_invalid', { detail: e instanceof Error ? e.message : String(e) });
}

async function runServer(argv: string[], io: Io, usage: string, demoWhenEmpty: boolean): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } }, usage);
  let level;
  try {
    level = logLevel();
    timeZone();
  } catch (e) {
    configError(e);
  }
  const logger = createLogger({ level, stream: { write: (line: string) => void io.stdout.write(line) } });
  const signalled = nextSignal();
  const server = await serve({
    dbUrl: resolveDbUrl(values.db),
    port: port(values.port),
    host: host(values.host),
    demoWhenEmpty,
    buildWeb: demoWhenEmpty,
    warm: true,
    // OUTPOST_SCHEDULE=off: a server that runs no jobs (another process of the same database does).
    schedule: process.env.OUTPOST_SCHEDULE !== 'off',
    progress: progressBar(io.stderr as NodeJS.WriteStream),
    logger: logger as FastifyBaseLogger,
  });
  server.ready.catch((e: unknown) => {
    logger.fatal({ err: e }, 'the database could not be made ready');
    process.exit(1);
  });
  const signal = await signalled;
  process.once(signal, () => {
    logger.warn({ signal }, 'a second signal: stopping at once');
    process.exit(1);
  });
  if (!server.isReady()) {
    // The demonstration build is one transaction: ending the process rolls it back, leaving the
    // database empty for the next start to build again.
    logger.info({ signal }, 'stopping: the demonstration build under way is abandoned');
    await server.app.close();
    process.exit(0);
  }
  logger.info({ signal }, 'stopping: no new connections; finishing the requests under way');
  await server.close();
  logger.info('stopped');
  return 0;
}

/** The first SIGTERM or SIGINT (listening from the start, so none ends the process unhandled). */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'outpost serve [--port N] [--host H] [--db URL]',
  summary: 'serve the API and the web app (JSON logs on stdout; stops gracefully on SIGTERM)',
  run(argv, io) {
    return runServer(argv, io, this.usage, false);
  },
};

export const startCommand: Command = {
  name: 'start',
  usage: 'outpost start [--port N] [--host H] [--db URL]',
  summary: 'serve, first building the demonstration province into an empty database (npm start)',
  run(argv, io) {
    return runServer(argv, io, this.usage, true);
  },
};
