/**
 * Which peer's forwarded headers the server believes. Behind a reverse proxy, the client's
 * address (`request.ip`: the login throttle, the survey's limits, the audit trail), the scheme
 * (`request.protocol`: the Secure cookie, HSTS) and the host (`request.host`: the same-site check)
 * are what the proxy says they are; anywhere else they are the connection's own, whatever
 * X-Forwarded-For, -Proto or -Host a client writes. Fastify reads them only under `trustProxy`,
 * and nothing else in the code reads those headers.
 */
import type { FastifyRequest } from 'fastify';

/** Fastify's `trustProxy`: off, every peer (`true`), or the proxies' addresses (a list or CIDRs). */
export type TrustProxy = boolean | string;

/**
 * OUTPOST_TRUST_PROXY: unset, `0` or `false`: forwarded headers are ignored. An address list
 * (`127.0.0.1`, `10.0.0.0/8,10.1.2.3`): believed from those peers only, and the client's
 * address is the last one a trusted proxy added. `1` or `true`: believed from any peer (only
 * where nothing but the proxy can reach the server).
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const v = env.OUTPOST_TRUST_PROXY?.trim();
  if (!v || v === '0' || v === 'false') return false;
  return v === '1' || v === 'true' ? true : v;
}

const FORWARDING = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'via'];

/** True when the request names a hop before the peer: it came through a proxy. */
export function cameThroughProxy(request: FastifyRequest): boolean {
  return FORWARDING.some((h) => request.headers[h] !== undefined);
}

/** True when the connection itself comes from this machine (whatever the headers say). */
export function fromLoopback(request: FastifyRequest): boolean {
  const peer = request.socket.remoteAddress ?? '';
  return peer === '::1' || /^(::ffff:)?127\./.test(peer);
}
