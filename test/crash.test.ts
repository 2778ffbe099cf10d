import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { openDatabase } from '../src/db/database.ts';
import { TINY } from './support/factory.ts';

/** A folder holding TINY's registry and `n` visits, as an operator would import it. */
function importFolder(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-crash-'));
  for (const kind of ['areas', 'population', 'units', 'officers'] as const) {
    const rows = TINY[kind]!;
    const cols = Object.keys(rows[0]);
    fs.writeFileSync(
      path.join(dir, `${kind}.csv`),
      [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n'),
    );
  }
  const lines = ['date,badge,area_code,household_ref'];
  for (let i = 0; i < n; i++)
    lines.push(`2019-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},B3,V3,H${i}`);
  fs.writeFileSync(path.join(dir, 'visits.csv'), lines.join('\n'));
  return dir;
}

for (const engine of ENGINES) {
  describe(`a crash in the middle of a large import on ${engine}`, () => {
    it('leaves the import wholly there or wholly absent, and the database intact', async () => {
      const url = await freshDatabaseUrl(engine);
      const dir = importFolder(400_000);
      const child = spawn(process.execPath, ['bin/outpost.js', 'import', dir, '--db', url], { stdio: 'ignore' });
      // Kill it while visits are being staged (the registry is in the same transaction).
      const db = await openDatabase(url);
      const started = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 100));
        // The import's own rows are invisible until it commits, so wait a fixed share of its run.
        const done = await sql<{ n: number }>`select count(*) as n from imports`
          .execute(db.kysely)
          .catch(() => ({ rows: [{ n: 0 }] }));
        if (Date.now() - started > 1500 || Number(done.rows[0].n) > 0) break;
      }
      await new Promise((r) => setTimeout(r, 400));
      expect(child.exitCode, 'the import ended before it could be killed: make it larger').toBeNull();
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      await db.close();

      const after = await openDatabase(url);
      if (engine === 'sqlite') {
        const check = after.sqlite!.pragma('integrity_check', { simple: true });
        expect(check).toBe('ok');
      }
      const count = async (t: 'areas' | 'visits' | 'imports') =>
        Number(
          (await after.kysely.selectFrom(t).select(after.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
        );
      const [areas, visits] = [await count('areas'), await count('visits')];
      expect([
        [0, 0],
        [TINY.areas!.length, 400_000],
      ]).toContainEqual([areas, visits]);
      // And the same import runs to the end afterwards.
      const rerun = spawn(process.execPath, ['bin/outpost.js', 'import', dir, '--db', url], { stdio: 'ignore' });
      const code = await new Promise((r) => rerun.once('exit', r));
      expect(code).toBe(0);
      expect(await count('visits')).toBe(400_000);
      await after.close();
    }, 120_000);
  });
}
