import type { Command, Io } from '../cli/command.ts';
import { parse } from '../cli/args.ts';
import { progressBar } from '../cli/progress.ts';
import { resolveDbUrl } from '../db/database.ts';
import { AppError } from '../shared/errors.ts';
import { serve } from './serve.ts';

function port(value: string | undefined): number {
  const p = Number(value ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(p) || p < 0 || p > 65535) throw new AppError('port_invalid', { value: String(value) });
  return p;
}

async function runServer(argv: string[], io: Io, usage: string, demoWhenEmpty: boolean): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } }, usage);
  const server = await serve({
    dbUrl: resolveDbUrl(values.db),
    port: port(values.port),
    host: values.host,
    demoWhenEmpty,
    buildWeb: demoWhenEmpty,
    warm: true,
    progress: progressBar(io.stderr as NodeJS.WriteStream),
    log: (m) => io.stderr.write(`${m}\n`),
  });
  await server.ready;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'outpost serve [--port N] [--host H] [--db URL]',
  summary: 'serve the API and the web app',
  run(argv, io) {
    return runServer(argv, io, this.usage, false);
  },
};

export const startCommand: Command = {
  name: 'start',
  usage: 'outpost start [--port N] [--db URL]',
  summary: 'serve, first building the demonstration province into an empty database (npm start)',
  run(argv, io) {
    return runServer(argv, io, this.usage, true);
  },
};
