/**
 * Issue 16, finding 10: TOTP secrets were stored in plain text, so a copy of the database gave
 * every second factor away. Sealed with a key outside the database, a copy gives nothing; a
 * restore onto a machine with another key file is refused loudly instead of losing the factors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINES, freshDatabaseUrl } from '../../../test/support/engines.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { main } from '../../cli/main.ts';
import { backup, restore } from '../backup/backup.service.ts';
import { hashPassword } from './passwords.ts';
import { login } from './session.service.ts';
import { newTotpSecret, totpCode } from './totp.ts';

const PASSWORD = 'a long passphrase for totp';
const WHO = { actor: 'anonymous', via: 'test', ip: '192.0.2.9' };

async function cli(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
  };
  const code = await main([...args, '--db', url], io);
  return { code, ...out };
}

/** An account with the second factor on, made through the CLI; answers the secret it printed. */
async function withTotp(url: string, username: string): Promise<string> {
  expect(
    (await cli(url, 'user', 'add', '--username', username, '--password', PASSWORD, '--role', 'analyst')).code,
  ).toBe(0);
  const on = await cli(url, 'user', 'totp', '--username', username);
  expect(on.code).toBe(0);
  return /secret: ([A-Z2-7]+)/.exec(on.stdout)![1];
}

const signIn = (db: Database, username: string, secret: string, ms = Date.now()) =>
  login(
    db,
    WHO,
    { username, password: PASSWORD, totp: totpCode(secret, ms) },
    { requireAdminTotp: false, now: new Date(ms) },
  );

const keyFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-keys-')), 'outpost.keys');

for (const engine of ENGINES) {
  describe(`TOTP secrets at rest on ${engine}`, () => {
    it('keeps no secret a copy of the database would give away, and still checks codes', async () => {
      const url = await freshDatabaseUrl(engine);
      const secret = await withTotp(url, 'li.wei');
      const db = await openDatabase(url);
      try {
        const row = await db.kysely
          .selectFrom('accounts')
          .select('totp_secret')
          .where('username', '=', 'li.wei')
          .executeTakeFirstOrThrow();
        expect(row.totp_secret).not.toBeNull();
        expect(row.totp_secret).not.toContain(secret);
        expect(row.totp_secret).not.toBe(secret);
        expect(() => totpCode(row.totp_secret!, Date.now())).toThrow();
        expect((await signIn(db, 'li.wei', secret)).account.username).toBe('li.wei');
      } finally {
        await db.close();
      }
    });

    it('seals the secrets an older Outpost stored in plain text when it migrates', async () => {
      const url = await freshDatabaseUrl(engine);
      const secret = newTotpSecret();
      const older = await openDatabase(url, { migrate: false });
      await migrateToLatest(older.kysely as Kysely<unknown>, engine, older.keys, '008-schedule-and-channels');
      const now = new Date().toISOString();
      await sql`insert into accounts (username, password_hash, role, totp_secret, created_at, updated_at)
        values ('old.hand', ${await hashPassword(PASSWORD)}, 'analyst', ${secret}, ${now}, ${now})`.execute(
        older.kysely,
      );
      await older.close();
      const db = await openDatabase(url);
      try {
        const row = await db.kysely
          .selectFrom('accounts')
          .select('totp_secret')
          .where('username', '=', 'old.hand')
          .executeTakeFirstOrThrow();
        expect(row.totp_secret).not.toContain(secret);
        expect((await signIn(db, 'old.hand', secret)).account.username).toBe('old.hand');
      } finally {
        await db.close();
      }
    });

    it('refuses loudly to restore onto another key file, and restores once the key file is brought over', async () => {
      const sourceKeys = keyFile();
      const sourceUrl = await freshDatabaseUrl(engine);
      const source = await openDatabase(sourceUrl, { keyFile: sourceKeys });
      await source.close();
      const runKeys = process.env.OUTPOST_KEY_FILE;
      process.env.OUTPOST_KEY_FILE = sourceKeys;
      let secret: string;
      try {
        secret = await withTotp(sourceUrl, 'li.wei');
      } finally {
        if (runKeys === undefined) delete process.env.OUTPOST_KEY_FILE;
        else process.env.OUTPOST_KEY_FILE = runKeys;
      }
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-')), 'b.backup.gz');
      const from = await openDatabase(sourceUrl, { keyFile: sourceKeys });
      await backup(from, file);
      await from.close();

      const otherKeys = keyFile();
      const targetUrl = await freshDatabaseUrl(engine);
      const target = await openDatabase(targetUrl, { keyFile: otherKeys });
      try {
        await expect(restore(target, file)).rejects.toThrow(/key file .* nothing was restored/s);
        expect(await target.kysely.selectFrom('accounts').select('username').execute()).toEqual([]);
      } finally {
        await target.close();
      }
      // The operator copies the key file over, as the README says, and restores again.
      fs.copyFileSync(sourceKeys, otherKeys);
      const again = await openDatabase(targetUrl, { keyFile: otherKeys, checkKeys: false });
      try {
        await restore(again, file);
        expect((await signIn(again, 'li.wei', secret!)).account.username).toBe('li.wei');
      } finally {
        await again.close();
      }
      const reopened = await openDatabase(targetUrl, { keyFile: otherKeys });
      await reopened.close();
    });

    it('refuses to open a database with a key file that is not its own, naming both', async () => {
      const url = await freshDatabaseUrl(engine);
      const db = await openDatabase(url, { keyFile: keyFile() });
      await db.close();
      await expect(openDatabase(url, { keyFile: keyFile() })).rejects.toThrow(
        /keyed with the key file whose id is [0-9a-f]{16}.*holds [0-9a-f]{16}/,
      );
    });
  });
}
