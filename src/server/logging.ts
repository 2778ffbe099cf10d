/**
 * The server's structured log: Fastify's own pino, one JSON object a line. Every line written
 * while a request is handled carries its `request_id`, which the response also carries (the
 * `X-Request-Id` header, and `error.request_id` in an error body), so an operator finds the
 * lines of a failure a user reports. Credentials never reach the log.
 *
 * @example
 *   const logger = createLogger({ level: 'info' });            // JSON lines on stdout
 *   const app = await buildApp(ctx, { logger });
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger, type DestinationStream } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The key that names a request on every log line and in every error body. */
export const REQUEST_ID_KEY = 'request_id';

/** OUTPOST_LOG_LEVEL (default `info`); a level that does not exist stops the server, named. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const v = env.OUTPOST_LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(v))
    throw new Error(`OUTPOST_LOG_LEVEL: "${v}" is not a log level (one of ${LOG_LEVELS.join(', ')})`);
  return v as LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the lines go (default stdout); a test passes its own to read them. */
  stream?: DestinationStream;
}

/** The one logger of a server process: the server's own lines and Fastify's share it. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Fastify's request serializer logs no headers; should a line ever carry them, these
      // never reach it.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
    },
    options.stream ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A silent logger, for an app built without one (tests, the CLI's in-process uses). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A new id for each request: random, so it tells nothing of the server's traffic. */
export function newRequestId(): string {
  return randomUUID();
}

/** Every response names its request (`X-Request-Id`), as its log lines do. */
export function installRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
}
