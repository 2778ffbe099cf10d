import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { backup, restore } from '../src/modules/backup/backup.service.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import type { Database } from '../src/db/database.ts';
import { voidRow } from '../src/modules/imports/void.service.ts';
import type { Engine } from '../src/db/engine.ts';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-')), 'b.outpost.gz');

async function fingerprint(db: Database): Promise<string> {
  const s = new AssessmentService(db.kysely);
  const counts = [];
  for (const t of ['areas', 'units', 'officers', 'surveys', 'patrol_logs', 'history', 'imports', 'funds'] as const)
    counts.push(
      Number((await db.kysely.selectFrom(t).select(db.kysely.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    );
  return JSON.stringify([
    counts,
    await s.rankings('510000000000', '2019-06', 'performance'),
    await s.rankings('510000000000', '2019-06', 'construction'),
  ]);
}

describe('backup and restore', () => {
  for (const [from, to] of [
    ['sqlite', 'postgres'],
    ['postgres', 'sqlite'],
    ['sqlite', 'sqlite'],
  ] as [Engine, Engine][]) {
    it(`moves a database from ${from} to ${to} with every row and figure`, async () => {
      const source = await freshDatabase(from);
      await importProvince51(source);
      // A voided row, so history and void marks travel too.
      await voidRow(source, 'surveys', ['Q1-000006'], 'entered twice', 'test');
      const file = tmp();
      const report = await backup(source, file);
      expect(report.tables.find((t) => t.table === 'surveys')?.rows).toBe(687);
      const target = await freshDatabase(to);
      await restore(target, file);
      expect(await fingerprint(target)).toBe(await fingerprint(source));
      // Identity columns continue after the restored ids.
      await importProvince51(target);
      const ids = await target.kysely.selectFrom('imports').select('id').orderBy('id').execute();
      expect(new Set(ids.map((r) => r.id)).size).toBe(ids.length);
      await source.close();
      await target.close();
    });
  }

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const db = await freshDatabase('sqlite');
    await importProvince51(db);
    const file = tmp();
    await backup(db, file);
    const before = await fingerprint(db);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
    fs.writeFileSync(file, zlib.gzipSync(text.slice(0, Math.floor(text.length * 0.6))));
    await expect(restore(db, file)).rejects.toThrow(/truncated|cut short|damaged/);
    expect(await fingerprint(db)).toBe(before);
    fs.writeFileSync(file, 'not a backup');
    await expect(restore(db, file)).rejects.toThrow(/damaged|not an Outpost backup/);
    await db.close();
  });
});
