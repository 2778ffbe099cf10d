import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { ensureAccount, TEST_PASSWORD } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../app-context.ts';
import { ADDRESS_FAILURES } from './login-throttle.ts';
import { login } from './session.service.ts';

const ACCESS = { publicAggregates: false, requireAdminTotp: false };

for (const engine of ENGINES) {
  describe(`sign-in lockout by address on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      app = await buildApp(createContext(db), { web: false, access: ACCESS });
      await ensureAccount(db, { username: 'clerk', role: 'analyst' });
      await ensureAccount(db, { username: 'typist', role: 'analyst' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const signIn = (username: string, password: string, ip: string) =>
      app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress: ip });
    /** One wrong guess at each of `count` usernames, as a spray does. */
    const spray = async (ip: string, count: number, from = 0) => {
      const codes: number[] = [];
      for (let i = from; i < from + count; i++)
        codes.push((await signIn(`user${i}`, 'a guessed password 1', ip)).statusCode);
      return codes;
    };
    const lockouts = (ip: string) =>
      db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'session.address_locked')
        .where('target', '=', ip)
        .execute();

    it('locks an address out after 20 failures across usernames, with Retry-After, and audits the lockout once', async () => {
      const ip = '203.0.113.5';
      expect(await spray(ip, ADDRESS_FAILURES - 1)).toEqual(Array(ADDRESS_FAILURES - 1).fill(401));
      const tripping = await signIn('user-last', 'a guessed password 1', ip);
      expect(tripping.statusCode).toBe(401);
      expect(tripping.json().error.message).toMatch(/after 20 failed sign-ins from this address .* paused until/);
      // The right password does not get through either: a locked address learns nothing.
      const right = await signIn('clerk', TEST_PASSWORD, ip);
      expect(right.statusCode).toBe(429);
      expect(right.json().error.message).toMatch(/too many failed sign-ins from this address/);
      const retry = Number(right.headers['retry-after']);
      expect(retry).toBeGreaterThan(3500);
      expect(retry).toBeLessThanOrEqual(3600);
      expect(await spray(ip, 3, 100)).toEqual([429, 429, 429]);
      const entries = await lockouts(ip);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: 'anonymous', ip, outcome: 'refused' });
      expect(JSON.parse(entries[0].detail)).toMatchObject({ failures: 20, window_minutes: 60 });
      const refused = await db.kysely
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'session.login_refused')
        .where('ip', '=', ip)
        .execute();
      expect(refused.map((r) => JSON.parse(r.detail).reason)).toEqual(Array(4).fill('address locked'));
      // Refusals are not failures: the lockout does not grow while it is being knocked on.
      const failures = await db.kysely
        .selectFrom('login_attempts')
        .select('id')
        .where('ip', '=', ip)
        .where('outcome', '=', 'failed')
        .execute();
      expect(failures).toHaveLength(ADDRESS_FAILURES);
    });

    it('spares every other address, and lifts once the failures are an hour old', async () => {
      expect((await signIn('clerk', TEST_PASSWORD, '203.0.113.6')).statusCode).toBe(200);
      const who = { actor: 'anonymous', via: 'test', ip: '203.0.113.5' };
      const input = { username: 'clerk', password: TEST_PASSWORD };
      await expect(login(db, who, input, { requireAdminTotp: false })).rejects.toMatchObject({
        code: 'address_locked',
        category: 'rate_limited',
      });
      const later = new Date(Date.now() + 61 * 60_000);
      const signedIn = await login(db, who, input, { requireAdminTotp: false, now: later });
      expect(signedIn.account.username).toBe('clerk');
    });

    it('does not count typos that the same username then follows with the right password', async () => {
      const ip = '203.0.113.7';
      for (let i = 0; i < 3; i++) expect((await signIn('typist', `a mistyped password ${i}`, ip)).statusCode).toBe(401);
      expect((await signIn('typist', TEST_PASSWORD, ip)).statusCode).toBe(200);
      // 3 forgiven + 17 counted: not yet locked out.
      expect(await spray(ip, ADDRESS_FAILURES - 3)).toEqual(Array(ADDRESS_FAILURES - 3).fill(401));
      expect((await signIn('clerk', TEST_PASSWORD, ip)).statusCode).toBe(200);
      expect(await spray(ip, 3, 200)).toEqual([401, 401, 401]);
      expect((await signIn('clerk', TEST_PASSWORD, ip)).statusCode).toBe(429);
      expect(await lockouts(ip)).toHaveLength(1);
    });
  });

  describe(`sign-in lockout behind a proxy on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    const PROXY = '10.20.0.2';
    beforeAll(async () => {
      db = await freshDatabase(engine);
      // The proxy's own address: Fastify then takes the last X-Forwarded-For address the proxy
      // appended, not one a client wrote into the header itself.
      const saved = process.env.OUTPOST_TRUST_PROXY;
      process.env.OUTPOST_TRUST_PROXY = PROXY;
      try {
        app = await buildApp(createContext(db), { web: false, access: ACCESS });
      } finally {
        if (saved === undefined) delete process.env.OUTPOST_TRUST_PROXY;
        else process.env.OUTPOST_TRUST_PROXY = saved;
      }
      await ensureAccount(db, { username: 'clerk', role: 'analyst' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const viaProxy = (username: string, password: string, forwardedFor: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': forwardedFor },
      });

    it('locks out the client the proxy saw, however the client forges X-Forwarded-For, and not the proxy', async () => {
      const client = '198.51.100.7';
      for (let i = 0; i < ADDRESS_FAILURES; i++)
        expect((await viaProxy(`user${i}`, 'a guessed password 1', `192.0.2.${i}, ${client}`)).statusCode).toBe(401);
      expect((await viaProxy('clerk', TEST_PASSWORD, `192.0.2.250, ${client}`)).statusCode).toBe(429);
      expect((await viaProxy('clerk', TEST_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
      const locked = await db.kysely
        .selectFrom('audit_log')
        .select(['target', 'ip'])
        .where('action', '=', 'session.address_locked')
        .execute();
      expect(locked).toEqual([{ target: client, ip: client }]);
    });
  });
}
