/**
 * Forwarded headers are believed only from the proxy OUTPOST_TRUST_PROXY names: without it, a
 * client's own X-Forwarded-For does not change the address the audit trail and the login
 * throttle record, its X-Forwarded-Proto does not make the cookie Secure or send HSTS, and its
 * X-Forwarded-Host does not make another site's Origin look like this one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { ensureAccount, TEST_PASSWORD } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { trustProxyFromEnv } from '../src/server/proxy.ts';

const ACCESS = { publicAggregates: false, requireAdminTotp: false };
const FORGED = '203.0.113.7';

for (const engine of ENGINES) {
  describe(`forwarded headers on ${engine}`, () => {
    let db: Database;
    let direct: FastifyInstance;
    let proxied: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await ensureAccount(db, { username: 'desk', role: 'analyst' });
      direct = await buildApp(createContext(db), { web: false, access: ACCESS, trustProxy: false });
      proxied = await buildApp(createContext(db), { web: false, access: ACCESS, trustProxy: '127.0.0.1' });
    });
    afterAll(async () => {
      await direct?.close();
      await proxied?.close();
      await db?.close();
    });
    const signIn = (app: FastifyInstance, from: string, headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'desk', password: TEST_PASSWORD },
        remoteAddress: from,
        headers,
      });
    const lastLoginAddress = async () =>
      (
        await db.kysely
          .selectFrom('audit_log')
          .select('ip')
          .where('action', '=', 'session.login')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      ).ip;

    it('believes none of them without OUTPOST_TRUST_PROXY', async () => {
      const res = await signIn(direct, '127.0.0.2', {
        'x-forwarded-for': FORGED,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'outpost.example',
      });
      expect(res.statusCode).toBe(200);
      expect(await lastLoginAddress()).toBe('127.0.0.2');
      expect(String(res.headers['set-cookie'])).not.toContain('Secure');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      // Another site naming itself in X-Forwarded-Host is still another site.
      const token = res.json().token as string;
      const signOut = (app: FastifyInstance, headers: Record<string, string>) =>
        app.inject({ method: 'DELETE', url: '/api/v1/session', cookies: { outpost_session: token }, headers });
      const crossSite = await signOut(direct, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.json().error.message).toMatch(/another site/);
      expect((await signOut(direct, { host: 'outpost.example', origin: 'http://outpost.example' })).statusCode).toBe(
        200,
      );
    });

    it('believes the trusted proxy, and only it', async () => {
      const via = await signIn(proxied, '127.0.0.1', {
        'x-forwarded-for': FORGED,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'outpost.example',
      });
      expect(await lastLoginAddress()).toBe(FORGED);
      expect(String(via.headers['set-cookie'])).toContain('Secure');
      expect(via.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const token = via.json().token as string;
      const sameSite = await proxied.inject({
        method: 'DELETE',
        url: '/api/v1/session',
        cookies: { outpost_session: token },
        remoteAddress: '127.0.0.1',
        headers: {
          origin: 'https://outpost.example',
          'x-forwarded-host': 'outpost.example',
          'x-forwarded-proto': 'https',
        },
      });
      expect(sameSite.statusCode).toBe(200);
      // A client that reaches the server past the proxy is not believed.
      const around = await signIn(proxied, '127.0.0.2', { 'x-forwarded-for': FORGED, 'x-forwarded-proto': 'https' });
      expect(await lastLoginAddress()).toBe('127.0.0.2');
      expect(String(around.headers['set-cookie'])).not.toContain('Secure');
    });
  });
}

describe('OUTPOST_TRUST_PROXY', () => {
  it('reads off, every peer, or a list of proxies', () => {
    expect(trustProxyFromEnv({})).toBe(false);
    expect(trustProxyFromEnv({ OUTPOST_TRUST_PROXY: '0' })).toBe(false);
    expect(trustProxyFromEnv({ OUTPOST_TRUST_PROXY: 'false' })).toBe(false);
    expect(trustProxyFromEnv({ OUTPOST_TRUST_PROXY: '1' })).toBe(true);
    expect(trustProxyFromEnv({ OUTPOST_TRUST_PROXY: ' 127.0.0.1,10.0.0.0/8 ' })).toBe('127.0.0.1,10.0.0.0/8');
  });
});
