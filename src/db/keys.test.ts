import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { keyFileFor, loadKeys } from './keys.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-keys-'));

describe('the key file', () => {
  it('lives beside a SQLite database, under ./data for PostgreSQL, or where OUTPOST_KEY_FILE says', () => {
    expect(keyFileFor('/srv/outpost/data/outpost.sqlite', {})).toBe('/srv/outpost/data/outpost.keys');
    expect(keyFileFor('postgres://u:p@db.internal/outpost', {})).toBe(path.resolve('data', 'outpost.keys'));
    expect(keyFileFor('/srv/a.sqlite', { OUTPOST_KEY_FILE: '/etc/outpost/keys' })).toBe('/etc/outpost/keys');
    expect(keyFileFor(':memory:', {})).toBeNull();
  });

  it('is made on first start, mode 0600, and gives the same keys every time after', () => {
    const file = path.join(tmp(), 'deep', 'outpost.keys');
    const first = loadKeys(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeys(file);
    expect(again.id).toBe(first.id);
    expect(again.audit.equals(first.audit)).toBe(true);
    expect(again.totp.equals(first.totp)).toBe(true);
    // Three different keys, none of them the id.
    expect(new Set([first.audit, first.totp, first.device].map((k) => k.toString('hex'))).size).toBe(3);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['outpost.keys']);
  });

  it('gives different keys to different files, and throwaway keys to an in-memory database', () => {
    const dir = tmp();
    expect(loadKeys(path.join(dir, 'a.keys')).id).not.toBe(loadKeys(path.join(dir, 'b.keys')).id);
    expect(loadKeys(null).file).toBeNull();
  });

  it('refuses a key file other users may read, and a file that is no key file', () => {
    const file = path.join(tmp(), 'outpost.keys');
    loadKeys(file);
    fs.chmodSync(file, 0o644);
    expect(() => loadKeys(file)).toThrow(/may be read by other users .*chmod 600/);
    const junk = path.join(tmp(), 'junk.keys');
    fs.writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(() => loadKeys(junk)).toThrow(/is not an Outpost key file/);
  });

  it('is made beside the database by the first command, as under `npm install && npm start`', async () => {
    const dir = tmp();
    const saved = process.env.OUTPOST_KEY_FILE;
    delete process.env.OUTPOST_KEY_FILE;
    try {
      const io = { stdout: { write: () => true }, stderr: { write: () => true } };
      expect(await main(['user', 'list', '--db', path.join(dir, 'outpost.sqlite')], io)).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.OUTPOST_KEY_FILE;
      else process.env.OUTPOST_KEY_FILE = saved;
    }
    expect(fs.statSync(path.join(dir, 'outpost.keys')).mode & 0o777).toBe(0o600);
  });
});
