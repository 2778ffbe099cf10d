import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../../../test/support/engines.ts';
import { importProvince51 } from '../../../test/support/province-51.ts';
import type { Database } from '../../db/database.ts';
import { main } from '../../cli/main.ts';
import { cliActor } from '../audit/audit.actor.ts';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } },
  };
}

const PASSWORD = 'plenty long passphrase';

for (const engine of ENGINES) {
  describe(`outpost user on ${engine}`, () => {
    let db: Database;
    const run = async (...args: string[]) => {
      const { out, io } = capture();
      const code = await main(['user', ...args, '--db', db.url], io);
      return { code, ...out };
    };
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
    });
    afterAll(() => db?.close());

    it('adds an account of every role, checking area and badge', async () => {
      expect((await run('add', '--username', 'admin', '--password', PASSWORD, '--role', 'admin')).code).toBe(0);
      expect((await run('add', '--username', 'analyst', '--password', PASSWORD, '--role', 'analyst')).code).toBe(0);
      expect((await run('add', '--username', 'auditor', '--password', PASSWORD, '--role', 'auditor')).code).toBe(0);
      expect(
        (
          await run(
            'add',
            '--username',
            'county',
            '--password',
            PASSWORD,
            '--role',
            'manager',
            '--area',
            '510201000000',
          )
        ).code,
      ).toBe(0);
      const officer = await run(
        'add',
        '--username',
        'officer7',
        '--password',
        PASSWORD,
        '--role',
        'officer',
        '--badge',
        '0100007',
      );
      expect(officer.code).toBe(0);
      expect(officer.stdout).toContain('with badge 0100007');
    });

    it('refuses what does not make an account, with the reason', async () => {
      const cases: [string[], RegExp][] = [
        [['--username', 'm1', '--password', PASSWORD, '--role', 'manager'], /manager needs --area/],
        [
          ['--username', 'm2', '--password', PASSWORD, '--role', 'manager', '--area', 'NOWHERE'],
          /no area NOWHERE exists/,
        ],
        [['--username', 'o1', '--password', PASSWORD, '--role', 'officer'], /needs --badge/],
        [
          ['--username', 'o2', '--password', PASSWORD, '--role', 'officer', '--badge', '9999999'],
          /no officer with badge 9999999/,
        ],
        [
          ['--username', 'a1', '--password', PASSWORD, '--role', 'analyst', '--area', '510201000000'],
          /--area is for managers only/,
        ],
        [['--username', 'r1', '--password', PASSWORD, '--role', 'root'], /role/],
        [['--username', 's1', '--password', 'short', '--role', 'analyst'], /at least 12 characters/],
        [['--username', 'c1', '--password', '1q2w3e4r5t6y', '--role', 'analyst'], /most common passwords/],
        [['--username', 'samename1234', '--password', 'samename1234', '--role', 'analyst'], /may not be the username/],
        [['--username', 'Upper', '--password', PASSWORD, '--role', 'analyst'], /username/],
      ];
      for (const [args, message] of cases) {
        const r = await run('add', ...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(message);
      }
      const twice = await run('add', '--username', 'admin', '--password', PASSWORD, '--role', 'admin');
      expect(twice.code).toBe(5);
      expect(twice.stderr).toMatch(/already exists/);
    });

    it('lists, disables, enables, resets and turns on TOTP', async () => {
      const list = JSON.parse((await run('list', '--json')).stdout);
      expect(list.map((a: { username: string }) => a.username)).toEqual([
        'admin',
        'analyst',
        'auditor',
        'county',
        'officer7',
      ]);
      expect((await run('list')).stdout).toMatch(/county\s+manager\s+510201000000/);
      expect((await run('disable', '--username', 'analyst')).code).toBe(0);
      expect(JSON.parse((await run('list', '--json')).stdout)[1].disabled).toBe(true);
      expect((await run('enable', '--username', 'analyst')).code).toBe(0);
      expect((await run('reset', '--username', 'analyst', '--password', 'short')).code).toBe(2);
      expect((await run('reset', '--username', 'analyst', '--password', 'another long passphrase')).code).toBe(0);
      expect((await run('reset', '--username', 'ghost', '--password', 'another long passphrase')).code).toBe(4);
      const totp = await run('totp', '--username', 'admin');
      expect(totp.code).toBe(0);
      expect(totp.stdout).toMatch(/otpauth:\/\/totp\/Outpost%3Aadmin\?secret=[A-Z2-7]{32}/);
      expect(totp.stdout).toMatch(/secret: [A-Z2-7]{32}/);
      expect((await run('totp', '--username', 'admin', '--off')).stdout).toMatch(/is off/);
      expect((await run('frobnicate')).code).toBe(2);
    });

    it('audits every change as the operating-system user, never the password or secret', async () => {
      const rows = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('via', 'like', 'outpost user%')
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.action)).toEqual([
        'user.add',
        'user.add',
        'user.add',
        'user.add',
        'user.add',
        'user.disable',
        'user.enable',
        'user.reset',
        'user.totp_on',
        'user.totp_off',
      ]);
      expect(rows.every((r) => r.actor === cliActor())).toBe(true);
      const text = JSON.stringify(rows);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain('another long passphrase');
    });
  });
}
