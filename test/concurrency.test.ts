import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { sessionHeaders } from './support/session.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { serve, type RunningServer } from '../src/server/serve.ts';
import { backup, restore } from '../src/modules/backup/backup.service.ts';

const survey = (ref: string) => ({
  ref,
  date: '2019-06-05',
  area_code: 'V3',
  knows_officer: 'yes',
  satisfaction: 4,
  channel: 'door',
});

for (const engine of ENGINES) {
  describe(`concurrent writers on ${engine}`, () => {
    let server: RunningServer;
    let headers: Record<string, string>;
    let url: string;
    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      const db = await openDatabase(url);
      await load(db, TINY);
      await db.close();
      server = await serve({ dbUrl: url, port: 0, host: '127.0.0.1' });
      await server.ready;
      headers = {
        'content-type': 'application/json',
        ...(await sessionHeaders(server.db, { username: 'writer', role: 'admin' })),
      };
    });
    afterAll(() => server?.close());

    const post = (rows: unknown[]) =>
      fetch(`${server.url}/api/v1/records/surveys`, { method: 'POST', headers, body: JSON.stringify(rows) });
    const count = async (db: Database, prefix: string) =>
      (await db.kysely.selectFrom('surveys').select('ref').where('ref', 'like', `${prefix}%`).execute()).length;

    it('loses and duplicates nothing when many write at once through the API', async () => {
      // 40 writers with 25 rows each, and every batch sent twice at the same moment.
      const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 25 }, (_, i) => survey(`C-${b}-${i}`)));
      const responses = await Promise.all(batches.flatMap((rows) => [post(rows), post(rows)]));
      for (const r of responses) expect([201, 503]).toContain(r.status);
      // A 503 (busy) is the caller's to retry; retry those until all are in.
      for (let round = 0; round < 5; round++) {
        const missing = [];
        for (const rows of batches)
          if ((await count(server.db, `C-${rows[0].ref.split('-')[1]}-`)) < 25) missing.push(rows);
        if (missing.length === 0) break;
        await Promise.all(missing.map(post));
      }
      expect(await count(server.db, 'C-')).toBe(1000);
      const written = (await Promise.all(responses.filter((r) => r.status === 201).map((r) => r.json()))).reduce(
        (n, b) => n + b.written,
        0,
      );
      expect(written).toBeLessThanOrEqual(1000);
    }, 120_000);

    it('backs up one consistent snapshot while writers go on', async () => {
      let stop = false;
      let n = 0;
      const writer = (async () => {
        while (!stop) {
          const rows = Array.from({ length: 20 }, (_, i) => survey(`B-${n}-${i}`));
          const r = await post(rows);
          if (r.status === 201) n++;
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-live-backup-')), 'live.gz');
      await backup(server.db, file);
      stop = true;
      await writer;
      const copy = await openDatabase(await freshDatabaseUrl(engine));
      await restore(copy, file);
      const restored = await count(copy, 'B-');
      // Whole batches only: each POST is one transaction, and the snapshot saw each wholly or not.
      expect(restored).toBeGreaterThan(0);
      expect(restored % 20).toBe(0);
      expect(restored).toBeLessThanOrEqual(n * 20);
      const imports = await copy.kysely.selectFrom('imports').select('id').execute();
      expect(imports.length).toBeGreaterThan(0);
      await copy.close();
    }, 120_000);
  });
}
