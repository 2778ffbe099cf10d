import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { ensureAccount, TEST_PASSWORD } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../app-context.ts';
import { main } from '../../cli/main.ts';
import { setTotp } from './accounts.service.ts';
import { totpCode } from './totp.ts';

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
const ACCESS = { publicAggregates: false, requireAdminTotp: false };

for (const engine of ENGINES) {
  describe(`sessions on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      app = await buildApp(createContext(db), { web: false, access: ACCESS });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const signIn = (
      username: string,
      password = TEST_PASSWORD,
      extra: Record<string, unknown> = {},
      headers: Record<string, string> = {},
      ip = '10.0.0.1',
    ) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password, ...extra },
        headers,
        remoteAddress: ip,
      });

    it('serves only health until the first admin exists, and says how to create one', async () => {
      expect((await app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
      const res = await app.inject({ url: '/api/v1/units' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toContain('npx outpost user add --username admin --password');
      expect((await signIn('admin')).statusCode).toBe(401);
    });

    it('counts an account made with `outpost user add` while the server runs at once', async () => {
      const code = await main(
        ['user', 'add', '--db', db.url, '--username', 'admin', '--password', TEST_PASSWORD, '--role', 'admin'],
        quiet,
      );
      expect(code).toBe(0);
      const res = await signIn('admin');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ username: 'admin', role: 'admin', area: null, badge: null });
    });

    it('sets an httpOnly SameSite=Strict cookie, Secure only over HTTPS', async () => {
      const plain = String((await signIn('admin')).headers['set-cookie']);
      expect(plain).toMatch(/^outpost_session=[\w-]+;/);
      expect(plain).toContain('HttpOnly');
      expect(plain).toContain('SameSite=Strict');
      expect(plain).not.toContain('Secure');
      // A client's own X-Forwarded-Proto is not believed without OUTPOST_TRUST_PROXY.
      const forged = String(
        (await signIn('admin', TEST_PASSWORD, {}, { 'x-forwarded-proto': 'https' })).headers['set-cookie'],
      );
      expect(forged).not.toContain('Secure');
      // From the trusted proxy's address, it is.
      const proxied = await buildApp(createContext(db), { web: false, access: ACCESS, trustProxy: '10.0.0.1' });
      try {
        const https = await proxied.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'admin', password: TEST_PASSWORD },
          headers: { 'x-forwarded-proto': 'https' },
          remoteAddress: '10.0.0.1',
        });
        expect(String(https.headers['set-cookie'])).toContain('Secure');
        expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      } finally {
        await proxied.close();
      }
    });

    it('opens the API with the bearer token or the cookie, and signs out', async () => {
      const { token } = (await signIn('admin')).json();
      const bearer = await app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
      expect(bearer.statusCode).toBe(200);
      expect(bearer.json().username).toBe('admin');
      expect((await app.inject({ url: '/api/v1/session', cookies: { outpost_session: token } })).statusCode).toBe(200);
      const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', cookies: { outpost_session: token } });
      expect(out.statusCode).toBe(200);
      const after = await app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.message).toMatch(/session has ended/);
      expect((await app.inject({ url: '/api/v1/units', headers: { authorization: 'Bearer forged' } })).statusCode).toBe(
        401,
      );
    });

    it('keeps only a hash of the token', async () => {
      const { token } = (await signIn('admin')).json();
      const rows = await db.kysely.selectFrom('sessions').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash === token)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('refuses cookie writes from another site, but not scripts or bearer tokens', async () => {
      const { token } = (await signIn('admin')).json();
      const write = (headers: Record<string, string>, auth: 'cookie' | 'bearer' = 'cookie') =>
        app.inject({
          method: 'POST',
          url: '/api/v1/users',
          payload: { username: `u${Math.random().toString(36).slice(2, 8)}`, password: TEST_PASSWORD, role: 'analyst' },
          headers: {
            host: 'outpost.example',
            ...headers,
            ...(auth === 'bearer' ? { authorization: `Bearer ${token}` } : {}),
          },
          cookies: auth === 'cookie' ? { outpost_session: token } : {},
        });
      const before = (await db.kysely.selectFrom('accounts').select('id').execute()).length;
      expect((await write({ origin: 'https://evil.example' })).statusCode).toBe(403);
      expect((await write({ origin: 'null' })).statusCode).toBe(403);
      expect((await write({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      expect((await write({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
      expect((await db.kysely.selectFrom('accounts').select('id').execute()).length).toBe(before);
      expect((await write({ origin: 'http://outpost.example' })).statusCode).toBe(201);
      expect((await write({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
      expect((await write({})).statusCode).toBe(201);
      expect((await write({ origin: 'https://evil.example' }, 'bearer')).statusCode).toBe(201);
    });

    it('throttles an address after 5 failures for a username, with Retry-After', async () => {
      await ensureAccount(db, { username: 'throttled', role: 'analyst' });
      for (let i = 0; i < 5; i++)
        expect((await signIn('throttled', 'not the password at all', {}, {}, '10.9.9.9')).statusCode).toBe(401);
      const sixth = await signIn('throttled', TEST_PASSWORD, {}, {}, '10.9.9.9');
      expect(sixth.statusCode).toBe(429);
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(800);
      // Another address is not throttled by these failures.
      expect((await signIn('throttled', TEST_PASSWORD, {}, {}, '10.9.9.10')).statusCode).toBe(200);
    });

    it('locks a username after 10 failures in a row from anywhere, says so, and a reset lifts it', async () => {
      await ensureAccount(db, { username: 'locked', role: 'analyst' });
      let last = await signIn('locked', 'wrong password number 0', {}, {}, '10.1.0.0');
      for (let i = 1; i < 10; i++) last = await signIn('locked', `wrong password number ${i}`, {}, {}, `10.1.0.${i}`);
      expect(last.statusCode).toBe(401);
      expect(last.json().error.message).toMatch(/now locked for 15 minutes/);
      const right = await signIn('locked', TEST_PASSWORD, {}, {}, '10.1.1.1');
      expect(right.statusCode).toBe(429);
      expect(right.json().error.message).toMatch(/locked until .* after 10 failed attempts/);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);
      // An unknown username locks the same way, so a lock does not tell that an account exists.
      for (let i = 0; i < 10; i++) await signIn('nobody', `wrong password number ${i}`, {}, {}, `10.2.0.${i}`);
      expect((await signIn('nobody', TEST_PASSWORD, {}, {}, '10.2.1.1')).statusCode).toBe(429);
      expect(
        await main(
          ['user', 'reset', '--db', db.url, '--username', 'locked', '--password', 'a brand new passphrase'],
          quiet,
        ),
      ).toBe(0);
      expect((await signIn('locked', 'a brand new passphrase', {}, {}, '10.1.1.1')).statusCode).toBe(200);
    });

    it('needs the one-time code once TOTP is on, and takes each code once', async () => {
      await ensureAccount(db, { username: 'twofactor', role: 'analyst' });
      const { secret } = await setTotp(db, { actor: 'os:test', via: 'test', ip: null }, 'twofactor', true);
      const missing = await signIn('twofactor');
      expect(missing.statusCode).toBe(401);
      expect(missing.json().error.details[0]).toMatchObject({ totp_required: true });
      expect(
        (
          await signIn('twofactor', TEST_PASSWORD, {
            totp: '000000' === totpCode(secret!, Date.now()) ? '111111' : '000000',
          })
        ).statusCode,
      ).toBe(401);
      const code = totpCode(secret!, Date.now());
      expect((await signIn('twofactor', TEST_PASSWORD, { totp: code })).statusCode).toBe(200);
      expect((await signIn('twofactor', TEST_PASSWORD, { totp: code })).statusCode).toBe(401);
    });

    it('ends the sessions of a disabled account at once', async () => {
      await ensureAccount(db, { username: 'leaver', role: 'analyst' });
      const { token } = (await signIn('leaver')).json();
      expect(await main(['user', 'disable', '--db', db.url, '--username', 'leaver'], quiet)).toBe(0);
      expect(
        (await app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } })).statusCode,
      ).toBe(401);
      expect((await signIn('leaver')).statusCode).toBe(403);
    });

    it('lets an account change its own password', async () => {
      await ensureAccount(db, { username: 'changer', role: 'analyst' });
      const { token } = (await signIn('changer')).json();
      const put = (current: string, password: string) =>
        app.inject({
          method: 'PUT',
          url: '/api/v1/session/password',
          payload: { current, password },
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await put('not my password at all', 'the next passphrase')).statusCode).toBe(403);
      expect((await put(TEST_PASSWORD, 'short')).statusCode).toBe(400);
      expect((await put(TEST_PASSWORD, 'the next passphrase')).statusCode).toBe(200);
      expect((await signIn('changer', 'the next passphrase')).statusCode).toBe(200);
    });
  });

  describe(`admin second factor on ${engine}`, () => {
    it('refuses an admin without TOTP when OUTPOST_REQUIRE_ADMIN_TOTP is set, and takes one with it', async () => {
      const db = await freshDatabase(engine);
      const app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: true },
      });
      try {
        await ensureAccount(db, { username: 'root', role: 'admin' });
        await ensureAccount(db, { username: 'reader', role: 'analyst' });
        const signIn = (username: string, totp?: string) =>
          app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: TEST_PASSWORD, totp } });
        const refused = await signIn('root');
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.message).toContain('outpost user totp --username root');
        expect((await signIn('reader')).statusCode).toBe(200);
        const { secret } = await setTotp(db, { actor: 'os:test', via: 'test', ip: null }, 'root', true);
        expect((await signIn('root', totpCode(secret!, Date.now()))).statusCode).toBe(200);
      } finally {
        await app.close();
        await db.close();
      }
    });

    it('opens the aggregate reads to everyone with OUTPOST_PUBLIC_AGGREGATES', async () => {
      const db = await freshDatabase(engine);
      const app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: true, requireAdminTotp: false },
      });
      try {
        await ensureAccount(db, { username: 'root', role: 'admin' });
        expect(
          (await app.inject({ url: '/api/v1/indicators?month=2019-06&area=NOPE&scheme=performance' })).statusCode,
        ).toBe(404);
        expect((await app.inject({ url: '/api/v1/units' })).statusCode).toBe(401);
      } finally {
        await app.close();
        await db.close();
      }
    });
  });
}
