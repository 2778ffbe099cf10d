/**
 * The one access check of the HTTP API. At startup it refuses any route whose
 * `config.permission` is not in the registry (permissions.ts); on every request it finds the
 * session (bearer token or cookie), refuses cross-site use of the cookie, checks that the
 * account's role holds the route's permission, and sets `request.scope` for the repositories.
 *
 * @example
 *   const routes = await installAccess(app, ctx, accessOptionsFromEnv());
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import cookie from '@fastify/cookie';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../../shared/errors.ts';
import { audit } from '../audit/audit.repository.ts';
import { requestActor } from '../audit/audit.actor.ts';
import { anyAccount } from './accounts.repository.ts';
import { isPermission, PERMISSIONS, roleHolds, type Permission } from '#core/accounts/permissions.ts';
import { scopeFor } from './scope.ts';
import { resolveSession, SESSION_HOURS } from './session.service.ts';
import { DEVICE_COOKIE, DEVICE_DAYS } from './device-cookie.ts';

/** Where the device cookie is sent: the sign-in route alone. */
const DEVICE_COOKIE_PATH = '/api/v1/session';

export const SESSION_COOKIE = 'outpost_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AccessOptions {
  /** OUTPOST_PUBLIC_AGGREGATES=1: indicators, rankings and overview need no session. */
  publicAggregates: boolean;
  /** OUTPOST_REQUIRE_ADMIN_TOTP=1: admins must sign in with a second factor. */
  requireAdminTotp: boolean;
}

export function accessOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AccessOptions {
  const on = (v: string | undefined) => v === '1' || v === 'true';
  return { publicAggregates: on(env.OUTPOST_PUBLIC_AGGREGATES), requireAdminTotp: on(env.OUTPOST_REQUIRE_ADMIN_TOTP) };
}

/** A route as the registry sees it: what the docs table and the access matrix test list. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
  summary: string;
  hidden: boolean;
}

export async function installAccess(
  app: FastifyInstance,
  ctx: AppContext,
  options: AccessOptions,
): Promise<RouteEntry[]> {
  await app.register(cookie);
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    const methods = [route.method].flat().filter((m) => m !== 'HEAD');
    if (!isPermission(permission)) {
      const named = permission === undefined ? 'no permission' : `the unknown permission "${permission}"`;
      throw new Error(
        `route ${methods.join(',')} ${route.url} names ${named} in config.permission; every route must name one of ${Object.keys(PERMISSIONS).join(', ')} (src/modules/accounts/permissions.ts)`,
      );
    }
    const schema = route.schema as { summary?: string; hide?: boolean } | undefined;
    for (const method of methods)
      routes.push({ method, url: route.url, permission, summary: schema?.summary ?? '', hidden: !!schema?.hide });
  });
  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config?.permission;
    // No route matched: the not-found handler answers, and reveals nothing.
    if (permission === undefined && request.routeOptions.url === undefined) return;
    if (!isPermission(permission))
      throw new AppError('internal_error', { detail: `route ${request.routeOptions.url} has no permission` });
    const credentials = readCredentials(request);
    if (UNSAFE.has(request.method) && credentials?.via !== 'bearer' && isCrossSite(request)) {
      throw new AppError('cross_site', {});
    }
    if (permission === 'public' || (permission === 'aggregate:read' && options.publicAggregates)) {
      request.scope = null;
      return;
    }
    if (!credentials) throw new AppError((await anyAccount(ctx.db.kysely)) ? 'sign_in_required' : 'no_account_yet', {});
    const session = await resolveSession(ctx.db, credentials.token);
    if (!session) {
      if (credentials.via === 'cookie') reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const hasAccounts = await anyAccount(ctx.db.kysely);
      throw new AppError(hasAccounts ? 'session_ended' : 'no_account_yet', {});
    }
    request.session = session;
    request.actor = `user:${session.account.username}`;
    const { role } = session.account;
    if (!roleHolds(role, permission)) {
      await audit(ctx.db, requestActor(request), {
        action: 'access.denied',
        target: permission,
        outcome: 'refused',
        detail: { role },
      });
      throw new AppError('role_lacks_permission', {
        role,
        permission,
        description: PERMISSIONS[permission].description,
      });
    }
    request.scope = await scopeFor(ctx.db.kysely, session.account);
  });
  // A scoped account that asks for what it cannot see gets the answer of a thing that does not
  // exist; the probe is written down. So is a question about a thing that truly does not exist,
  // which keeps the two alike to the caller, timing and all.
  app.addHook('onError', async (request, _reply, error) => {
    if (!request.scope || !(error instanceof AppError) || error.category !== 'not_found') return;
    try {
      await audit(ctx.db, requestActor(request), {
        action: 'scope.probe',
        target: request.url,
        outcome: 'refused',
        detail: { code: error.code, params: error.params },
      });
    } catch (failure) {
      request.log.warn({ err: failure }, 'a scope probe could not be audited');
    }
  });
  return routes;
}

function readCredentials(request: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  const bearer = header && /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return { token: bearer[1], via: 'bearer' };
  const token = request.cookies?.[SESSION_COOKIE];
  return token ? { token, via: 'cookie' } : null;
}

/** True when Origin (or, without it, Sec-Fetch-Site) names a site other than this one. */
export function isCrossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return true; // "null" (a sandboxed or privacy-redirected page) and anything unreadable
    }
    // request.host is X-Forwarded-Host only from a trusted proxy (OUTPOST_TRUST_PROXY).
    return request.host !== host;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  return false; // neither header: a script, judged by its credentials alone
}

/**
 * Over HTTPS (or behind a trusted proxy that says so: request.protocol reads X-Forwarded-Proto
 * only under OUTPOST_TRUST_PROXY) the cookie is Secure; over plain HTTP it cannot be.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: SESSION_HOURS * 3600,
  });
}

/**
 * The device cookie (device-cookie.ts): sent only to the sign-in route, kept for DEVICE_DAYS,
 * httpOnly and same-site like the session's.
 */
export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(DEVICE_COOKIE, value, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: DEVICE_DAYS * 86_400,
  });
}

export function deviceCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies?.[DEVICE_COOKIE];
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The OpenAPI security schemes of a session: the bearer token or the cookie. */
export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer' },
  cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
} as const;

/**
 * Wraps the OpenAPI transform so that each operation says what it needs: `security` (none for
 * an open route) and `x-permission`, the route's permission in the registry.
 */
export function documentAccess(transform: SwaggerTransform, options: AccessOptions): SwaggerTransform {
  return (arg) => {
    const out = transform(arg);
    const permission = arg.route.config?.permission;
    const open = permission === 'public' || (permission === 'aggregate:read' && options.publicAggregates);
    const security: Record<string, string[]>[] = open ? [] : [{ bearer: [] }, { cookie: [] }];
    return { ...out, schema: { ...out.schema, security, 'x-permission': permission } as FastifySchema };
  };
}
