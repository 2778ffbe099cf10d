/**
 * Issue 16, finding 4: ten wrong passwords from ten addresses locked any account, admins too,
 * for fifteen minutes, again and again. With device cookies the owner's browser keeps signing in
 * while strangers stay locked out; an admin lifts a lock from the API (the accounts page) or the
 * CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { ensureAccount, TEST_PASSWORD } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { main } from '../../cli/main.ts';
import { createContext } from '../app-context.ts';
import { ADDRESS_FAILURES, LOCK_FAILURES } from './login-throttle.ts';

const ACCESS = { publicAggregates: false, requireAdminTotp: false };
const WRONG = 'a guessed password 1';

function deviceCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'outpost_device');
  expect(cookie, 'a device cookie').toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/session' });
  return cookie!.value;
}

async function cli(db: Database, ...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } };
  const code = await main(['user', ...args, '--db', db.url], io);
  return { code, stdout };
}

for (const engine of ENGINES) {
  describe(`sign-in lockout without denial of service on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      app = await buildApp(createContext(db), { web: false, access: ACCESS });
      for (const username of ['boss', 'deputy', 'clerk']) await ensureAccount(db, { username, role: 'admin' });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const signIn = (username: string, password: string, ip: string, device?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
        remoteAddress: ip,
        cookies: device ? { outpost_device: device } : {},
      });

    it("keeps the owner's device signing in while strangers who locked the username stay locked out", async () => {
      const home = await signIn('boss', TEST_PASSWORD, '198.51.100.1');
      expect(home.statusCode).toBe(200);
      const device = home.cookies.find((c) => c.name === 'outpost_device')?.value ?? '';
      // The attack: ten wrong passwords from ten addresses.
      for (let i = 0; i < LOCK_FAILURES; i++)
        expect((await signIn('boss', WRONG, `192.0.2.${i + 1}`)).statusCode).toBe(401);
      const stranger = await signIn('boss', TEST_PASSWORD, '192.0.2.200');
      expect(stranger.statusCode).toBe(429);
      expect(stranger.json().error.message).toMatch(/sign-in as boss is locked until/);
      const owner = await signIn('boss', TEST_PASSWORD, '198.51.100.1', device);
      expect(owner.statusCode).toBe(200);
      expect(deviceCookie(home)).toBe(device);
      // The device's own token is renewed; a token for another username or a forged one opens nothing.
      expect(deviceCookie(owner)).not.toBe(device);
      expect((await signIn('boss', TEST_PASSWORD, '192.0.2.201', `${device.slice(0, -4)}AAAA`)).statusCode).toBe(429);
      const deputy = deviceCookie(await signIn('deputy', TEST_PASSWORD, '198.51.100.2'));
      expect((await signIn('boss', TEST_PASSWORD, '198.51.100.2', deputy)).statusCode).toBe(429);
      // A browser that signed in as both keeps both.
      const shared = deviceCookie(await signIn('deputy', TEST_PASSWORD, '198.51.100.1', deviceCookie(owner)));
      expect((await signIn('boss', TEST_PASSWORD, '198.51.100.1', shared)).statusCode).toBe(200);
    });

    it('counts a known device’s failures for that device alone', async () => {
      const laptop = deviceCookie(await signIn('clerk', TEST_PASSWORD, '198.51.100.3'));
      const phone = deviceCookie(await signIn('clerk', TEST_PASSWORD, '198.51.100.4'));
      for (let i = 0; i < LOCK_FAILURES; i++)
        expect((await signIn('clerk', WRONG, '198.51.100.3', laptop)).statusCode).toBe(401);
      const locked = await signIn('clerk', TEST_PASSWORD, '198.51.100.3', laptop);
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.message).toMatch(/from this device/);
      expect((await signIn('clerk', TEST_PASSWORD, '198.51.100.4', phone)).statusCode).toBe(200);
      // Strangers were never counted: a new browser with the right password gets in.
      expect((await signIn('clerk', TEST_PASSWORD, '198.51.100.5')).statusCode).toBe(200);
    });

    it('lets an admin see the locks and lift a username’s through the API', async () => {
      const admin = { authorization: `Bearer ${(await signIn('deputy', TEST_PASSWORD, '198.51.100.9')).json().token}` };
      const locks = await app.inject({ url: '/api/v1/locks', headers: admin });
      expect(locks.statusCode).toBe(200);
      expect(locks.json().items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'username', username: 'boss', account: true }),
          expect.objectContaining({ kind: 'device', username: 'clerk', account: true }),
        ]),
      );
      const lifted = await app.inject({
        method: 'DELETE',
        url: '/api/v1/locks/usernames/boss',
        headers: admin,
        remoteAddress: '198.51.100.9',
      });
      expect(lifted.json()).toEqual({ lifted: true });
      expect((await signIn('boss', TEST_PASSWORD, '192.0.2.202')).statusCode).toBe(200);
      const again = await app.inject({ method: 'DELETE', url: '/api/v1/locks/usernames/boss', headers: admin });
      expect(again.json()).toEqual({ lifted: false });
      const entry = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.unlock')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actor: 'user:deputy', target: 'boss', ip: '198.51.100.9' });
    });

    it('keeps strangers throttled per address, and lets the CLI lift an address lockout', async () => {
      const ip = '203.0.113.50';
      for (let i = 0; i < ADDRESS_FAILURES; i++) await signIn(`someone${i}`, WRONG, ip);
      expect((await signIn('deputy', TEST_PASSWORD, ip)).statusCode).toBe(429);
      const listed = await cli(db, 'locks', '--json');
      expect(JSON.parse(listed.stdout)).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'address', address: ip })]),
      );
      const lifted = await cli(db, 'unlock', '--address', ip);
      expect(lifted).toMatchObject({ code: 0, stdout: expect.stringMatching(/lockout of 203.0.113.50 is lifted/) });
      expect((await signIn('deputy', TEST_PASSWORD, ip)).statusCode).toBe(200);
      // The username lock too, from the CLI.
      for (let i = 0; i < LOCK_FAILURES; i++) await signIn('clerk', WRONG, `192.0.2.${100 + i}`);
      expect((await signIn('clerk', TEST_PASSWORD, '192.0.2.150')).statusCode).toBe(429);
      expect((await cli(db, 'unlock', '--username', 'clerk')).code).toBe(0);
      expect((await signIn('clerk', TEST_PASSWORD, '192.0.2.150')).statusCode).toBe(200);
    });
  });
}
