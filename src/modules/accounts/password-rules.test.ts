/**
 * Issue 16, finding 8: twelve `a`s, twelve spaces, twelve zero-width spaces and the demonstration
 * password were accepted as passwords. Refused now wherever a password is set: `outpost user
 * add`, an admin's reset and one's own change; the demonstration password only in a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { sessionHeaders, TEST_PASSWORD } from '../../../test/support/session.ts';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { main } from '../../cli/main.ts';
import { createContext } from '../app-context.ts';

const WEAK: [string, string][] = [
  ['aaaaaaaaaaaa', 'password_one_character'],
  [' '.repeat(12), 'password_blank'],
  ['\u200b'.repeat(12), 'password_invisible'],
  ['outpost-demo-2019', 'password_demo'],
];

for (const engine of ENGINES) {
  describe(`weak passwords refused on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('refuses them in `outpost user add`, naming the password, and creates no account', async () => {
      for (const [i, [password, refusal]] of WEAK.entries()) {
        let stderr = '';
        const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s) } };
        const code = await main(
          ['user', 'add', '--username', `weak${i}`, '--password', password, '--role', 'analyst', '--db', db.url],
          io,
        );
        expect(code, JSON.stringify(password)).toBe(2);
        expect(stderr).toContain(`"path":"password","code":"${refusal}"`);
      }
      expect(
        await db.kysely.selectFrom('accounts').select('username').where('username', 'like', 'weak%').execute(),
      ).toEqual([]);
    });

    it('refuses them for an admin creating or resetting an account, and for one’s own change', async () => {
      const admin = await sessionHeaders(db, { username: 'chief', role: 'admin' });
      for (const [password, refusal] of WEAK) {
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: admin,
          payload: { username: 'newcomer', password, role: 'analyst' },
        });
        expect(created.statusCode, JSON.stringify(password)).toBe(400);
        expect(created.json().error.code).toBe(refusal);
        expect(created.json().error.details[0].path).toBe('password');
        const reset = await app.inject({
          method: 'PUT',
          url: '/api/v1/users/chief/password',
          headers: admin,
          payload: { password },
        });
        expect(reset.statusCode, JSON.stringify(password)).toBe(400);
        expect(reset.json().error.code).toBe(refusal);
        const own = await app.inject({
          method: 'PUT',
          url: '/api/v1/session/password',
          headers: admin,
          payload: { current: TEST_PASSWORD, password },
        });
        expect(own.statusCode, JSON.stringify(password)).toBe(400);
        expect(own.json().error.code).toBe(refusal);
      }
    });
  });
}
