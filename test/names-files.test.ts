/**
 * Issue 16, finding 9 (Build item 8): evidence is served as bytes to save
 * (application/octet-stream, a cleaned RFC 5987 file name) whatever type the uploader claimed;
 * NUL and the controls that reorder text are refused in names at the API (evidence, leaders,
 * issuers); the Markdown notification shows names literally. Both engines, over HTTP.
 * (Imported names: test/import-rejections.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { adminHeaders } from './support/session.ts';
import { TEST_ACTOR } from './support/supervision.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { TasksService } from '../src/modules/supervision/tasks.service.ts';
import { insertEvidence } from '../src/modules/supervision/tasks.repository.ts';
import { evidenceDir, storeEvidence } from '../src/modules/supervision/evidence.store.ts';

/** A city named to break Markdown: emphasis, a link, HTML, a heading. */
const TRICKY = '*[点此](http://evil.example)* <img src=x> # 城';
const RLO = '\u202E';

for (const engine of ENGINES) {
  describe(`files and names on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    let task: number;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-names-'));
    beforeAll(async () => {
      process.env.OUTPOST_EVIDENCE_DIR = path.join(dir, 'evidence');
      db = await freshDatabase(engine);
      const areas = TINY.areas!.map((a) => (a.code === 'C' ? { ...a, name: TRICKY } : a));
      await load(db, { ...TINY, areas });
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      headers = await adminHeaders(db);
      const issued = await app.inject({
        method: 'POST',
        url: '/api/v1/notifications',
        headers,
        payload: { area: 'P', month: '2019-06', date: '2019-07-05' },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const board = await new TasksService(db).list(null, { date: '2019-07-05', limit: 1, offset: 0 });
      task = board.items[0].id;
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const upload = (name: string, bytes: string, type: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${task}/evidence?name=${encodeURIComponent(name)}`,
        payload: bytes,
        headers: { ...headers, 'content-type': type },
      });

    it('serves evidence as application/octet-stream with an RFC 5987 file name, whatever type it came as', async () => {
      const up = await upload('整改 "说明".js', 'alert(document.cookie)', 'application/javascript');
      expect(up.statusCode, up.body).toBe(201);
      const ev = up.json().evidence.at(-1);
      const down = await app.inject({ url: `/api/v1/tasks/${task}/evidence/${ev.id}`, headers });
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-type']).toBe('application/octet-stream');
      expect(down.headers['content-disposition']).toBe(
        `attachment; filename="?? \\"??\\".js"; filename*=UTF-8''${encodeURIComponent('整改 "说明".js').replace(/'/g, '%27')}`,
      );
      expect(down.rawPayload.toString()).toBe('alert(document.cookie)');
    });

    it('refuses NUL and controls that reorder text in an evidence name, storing nothing', async () => {
      const before = (await app.inject({ url: `/api/v1/tasks/${task}`, headers })).json().evidence.length;
      for (const [name, code] of [
        [`photo${RLO}gpj.exe`, 'reorders_text'],
        ['photo\u2066.jpg', 'reorders_text'],
        ['photo\u0000.jpg', 'contains_nul'],
      ]) {
        const res = await upload(name, 'bytes', 'image/jpeg');
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.params.issues).toEqual([expect.objectContaining({ at: 'querystring.name', code })]);
      }
      expect((await app.inject({ url: `/api/v1/tasks/${task}`, headers })).json().evidence.length).toBe(before);
    });

    it('cleans a name stored before the rule from the download header', async () => {
      const stored = storeEvidence(evidenceDir(db), Buffer.from('old'));
      const id = await insertEvidence(db.kysely, {
        task_id: task,
        file_name: `report${RLO}fdp.exe`,
        ...stored,
        content_type: 'text/html',
        uploaded_at: '2019-07-06T00:00:00.000Z',
        uploaded_by: TEST_ACTOR.actor,
      });
      const down = await app.inject({ url: `/api/v1/tasks/${task}/evidence/${id}`, headers });
      expect(down.headers['content-type']).toBe('application/octet-stream');
      expect(down.headers['content-disposition']).toBe('attachment; filename=reportfdp.exe');
    });

    it('refuses names that reorder text for leaders and issuing authorities', async () => {
      const leader = await app.inject({
        method: 'PUT',
        url: '/api/v1/leaders/C',
        headers,
        payload: { name: `张${RLO}伟`, title: '副局长' },
      });
      expect(leader.statusCode, leader.body).toBe(400);
      expect(leader.json().error.params.issues).toEqual([
        expect.objectContaining({ at: 'body.name', code: 'reorders_text', params: { char: 'U+202E' } }),
      ]);
      const issuer = await app.inject({
        method: 'PUT',
        url: '/api/v1/notifications/settings',
        headers,
        payload: { issuers: { P: { name: `省${RLO}厅`, abbr: '省公社' } } },
      });
      expect(issuer.statusCode, issuer.body).toBe(400);
    });

    it('writes names into the Markdown notification literally', async () => {
      const md = await app.inject({
        url: '/api/v1/notifications/preview?area=P&month=2019-06&date=2019-07-05&format=md',
        headers,
      });
      expect(md.statusCode, md.body).toBe(200);
      expect(md.body).not.toContain('[点此](http');
      expect(md.body).not.toMatch(/(?<!\\)<img/);
      expect(md.body).toContain('\\*\\[点此\\](http://evil.example)\\* \\<img src=x\\> # 城');
    });
  });
}
