/**
 * `GET /metrics`: the Prometheus text of the process (src/shared/metrics.ts). It is outside
 * /api/v1 and needs no account, but it is not public: it answers only a caller on this machine
 * whose request came through no proxy (no forwarded headers: nginx in front adds them, so what
 * nginx passes on is refused even when nginx itself is on loopback), or a caller presenting
 * OUTPOST_METRICS_TOKEN as `Authorization: Bearer`. Everyone else gets 403.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';
import { httpDuration, metricsRegistry } from '../shared/metrics.ts';
import { cameThroughProxy, fromLoopback } from './proxy.ts';

/** OUTPOST_METRICS_TOKEN: a bearer token that opens /metrics to a remote scraper; unset, none does. */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.OUTPOST_METRICS_TOKEN?.trim() || null;
}

function presentsToken(request: FastifyRequest, token: string | null): boolean {
  if (!token) return false;
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1]);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** May this caller read the metrics? */
export function mayReadMetrics(request: FastifyRequest, token: string | null): boolean {
  return presentsToken(request, token) || (fromLoopback(request) && !cameThroughProxy(request));
}

export const metricsRoutes =
  (options: { token: string | null }): FastifyPluginAsync =>
  async (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          hide: true,
          summary:
            'Prometheus metrics, outside /api/v1: answered only on this machine without a proxy, or with OUTPOST_METRICS_TOKEN as a bearer token (docs/operations.md)',
        },
        // Public to the account system (a scraper has no account); the guard below decides.
        config: { permission: 'public' },
        onRequest: async (request) => {
          if (!mayReadMetrics(request, options.token)) throw new AppError('metrics_refused', {});
        },
      },
      async (_request, reply) => {
        reply.header('Content-Type', metricsRegistry.contentType);
        reply.header('Cache-Control', 'no-store');
        return metricsRegistry.metrics();
      },
    );
  };

/**
 * Times every answer into the request-duration histogram, labelled by the route's pattern
 * (`/api/v1/units/:code`), so that the label set stays as small as the route table; an address
 * no route matches counts as `unmatched`.
 */
export function installHttpMetrics(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    httpDuration.observe(
      {
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
}
