/**
 * Every feature's `outpost <feature> settings [--set FILE.json]` takes one shared path
 * (src/shared/cli/settings-command.ts), on both engines: it prints the settings as JSON, takes
 * back what it printed unchanged, and refuses a file it cannot read, naming it, with nothing
 * written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import type { Database } from '../src/db/database.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';

const FEATURES = ['notify', 'period', 'completeness', 'schedule', 'public', 'imports'];

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (t: string) => ((out += t), true) },
    stderr: { write: (t: string) => ((err += t), true) },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

for (const engine of ENGINES) {
  describe(`settings commands on ${engine}`, () => {
    let db: Database;
    let dir: string;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-settings-'));
    });
    afterAll(async () => {
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const feature of FEATURES) {
      it(`${feature}: prints, takes back what it printed, refuses an unreadable file`, async () => {
        const shown = await run([feature, 'settings', '--db', db.url]);
        expect(shown.code, shown.err).toBe(0);
        const current = JSON.parse(shown.out) as Record<string, unknown>;
        expect(typeof current).toBe('object');

        const file = path.join(dir, `${feature}.json`);
        fs.writeFileSync(file, shown.out);
        const set = await run([feature, 'settings', '--set', file, '--db', db.url]);
        expect(set.code, set.err).toBe(0);
        expect(JSON.parse(set.out)).toEqual(current);

        const missing = path.join(dir, 'nowhere.json');
        const refused = await run([feature, 'settings', '--set', missing, '--db', db.url]);
        expect(refused.code).not.toBe(0);
        expect(refused.err).toContain(missing);
        fs.writeFileSync(path.join(dir, 'broken.json'), '{"not json');
        const broken = await run([feature, 'settings', '--set', path.join(dir, 'broken.json'), '--db', db.url]);
        expect(broken.code).not.toBe(0);
        expect(JSON.parse((await run([feature, 'settings', '--db', db.url])).out)).toEqual(current);
      });
    }
  });
}
