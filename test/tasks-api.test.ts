/**
 * The task routes and `outpost tasks list` on both engines, in-process: evidence of any type
 * (text and JSON files too) uploaded as its own bytes while the other routes still parse JSON,
 * and a board of more tasks than one page holds, listed completely.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { adminHeaders } from './support/session.ts';
import { TEST_ACTOR } from './support/supervision.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { insertNotification } from '../src/modules/notifications/notifications.repository.ts';
import { updateSettings } from '../src/modules/notifications/settings.service.ts';
import { insertTask } from '../src/modules/supervision/tasks.repository.ts';
import type { TaskPage } from '#core/contracts/supervision.schema.ts';

/** More than one page (500), and not a whole number of pages. */
const TASKS = 1203;

/** One issued notice with `n` open tasks, straight through the repositories; their ids in order. */
async function seedTasks(db: Database, n: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const now = '2019-07-05T02:00:00.000Z';
    const notice = await insertNotification(tx.kysely, {
      area_code: 'P',
      month: '2019-06',
      lang: 'en',
      number: 'P-2019-1',
      year: 2019,
      seq: 1,
      title: 'June 2019',
      issued_on: '2019-07-05',
      issued_at: now,
      issued_by: TEST_ACTOR.actor,
      corrects_id: null,
      correction_reason: null,
      content: '{}',
      content_hash: '0'.repeat(64),
    });
    const ids: number[] = [];
    for (let i = 0; i < n; i++)
      ids.push(
        await insertTask(tx.kysely, {
          notification_id: notice,
          area_code: `A${i % 37}`,
          month: '2019-06',
          scheme: 'construction',
          indicator: 'equipment_rate',
          value: 0.5,
          target: 1,
          streak: 1,
          previous_task_id: null,
          leader_name: null,
          leader_title: null,
          leader_phone: null,
          // Deadlines repeat, so the order also rests on the id.
          deadline: `2019-08-${String((i % 28) + 1).padStart(2, '0')}`,
          status: 'open',
          created_at: now,
          updated_at: now,
        }),
      );
    return ids;
  });
}

/** Runs `outpost ...args` in-process, answering its exit code and output. */
async function outpost(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

for (const engine of ENGINES) {
  describe(`task routes and commands on ${engine}`, () => {
    let url: string;
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    let ids: number[];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-tasks-api-'));
    beforeAll(async () => {
      process.env.OUTPOST_EVIDENCE_DIR = path.join(dir, 'evidence');
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      ids = await seedTasks(db, TASKS);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      headers = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const upload = (task: number, name: string, payload: Buffer | string, contentType?: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${task}/evidence?name=${encodeURIComponent(name)}`,
        payload,
        headers: contentType ? { ...headers, 'content-type': contentType } : headers,
      });

    describe('evidence', () => {
      const FILES = [
        { name: '整改说明.txt', type: 'text/plain', bytes: Buffer.from('已配齐装备，见附件。\n') },
        // Not valid JSON: the route stores a file, it never reads it.
        { name: 'export.json', type: 'application/json', bytes: Buffer.from('{"rooms": [1, 2,') },
        { name: 'photo.png', type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 1]) },
        { name: 'scan.bin', type: 'application/octet-stream', bytes: Buffer.from([0, 255, 1, 254]) },
      ];
      for (const file of FILES)
        it(`takes a file sent as ${file.type} as its own bytes, and gives it back`, async () => {
          const task = ids[0];
          const up = await upload(task, file.name, file.bytes, file.type);
          expect(up.statusCode, up.body).toBe(201);
          const stored = up.json().evidence.find((e: { file_name: string }) => e.file_name === file.name);
          expect(stored).toEqual(expect.objectContaining({ size: file.bytes.length, content_type: file.type }));
          const down = await app.inject({ url: `/api/v1/tasks/${task}/evidence/${stored.id}`, headers });
          expect(down.statusCode).toBe(200);
          expect(down.rawPayload.equals(file.bytes)).toBe(true);
          // Served as bytes to save whatever type it came as (issue 16): the stored type is only shown.
          expect(down.headers['content-type']).toBe('application/octet-stream');
        });

      it('keeps the media type without its parameters, and takes a file sent with no type', async () => {
        const typed = await upload(ids[1], 'note.txt', 'plain words', 'Text/Plain; charset=utf-8');
        expect(typed.statusCode, typed.body).toBe(201);
        expect(typed.json().evidence[0].content_type).toBe('text/plain');
        // A Buffer with no headers of its own goes without a Content-Type.
        const untyped = await upload(ids[1], 'raw', Buffer.from('no type given'));
        expect(untyped.statusCode, untyped.body).toBe(201);
        expect(untyped.json().evidence[1].content_type).toBe('application/octet-stream');
      });

      it('refuses an empty file, one over the configured limit, and one over what the route reads', async () => {
        const empty = await upload(ids[2], 'empty.txt', Buffer.alloc(0), 'text/plain');
        expect(empty.statusCode).toBe(400);
        expect(empty.json().error.message).toContain('the file is empty');

        // Over the server's default body limit of 8 MB, under the evidence limit of 10 MB.
        const large = await upload(ids[2], 'large.json', Buffer.alloc(9 * 1024 * 1024, 0x20), 'application/json');
        expect(large.statusCode, large.body.slice(0, 200)).toBe(201);

        await updateSettings(db, TEST_ACTOR, { evidence_max_bytes: 1024 });
        try {
          const over = await upload(ids[2], 'over.txt', Buffer.alloc(2000, 0x61), 'text/plain');
          expect(over.statusCode).toBe(400);
          expect(over.json().error.message).toMatch(/over\.txt: 2,000 bytes is over the evidence limit of 1,024 bytes/);
        } finally {
          await updateSettings(db, TEST_ACTOR, { evidence_max_bytes: 10 * 1024 * 1024 });
        }

        const huge = await app.inject({
          method: 'POST',
          url: `/api/v1/tasks/${ids[2]}/evidence?name=huge.txt`,
          payload: 'small',
          headers: { ...headers, 'content-type': 'text/plain', 'content-length': String(64 * 1024 * 1024 + 1) },
        });
        expect(huge.statusCode).toBe(413);
        expect(huge.json().error.code).toBe('too_large');
      });

      it('leaves the other routes parsing JSON', async () => {
        const comment = await app.inject({
          method: 'POST',
          url: `/api/v1/tasks/${ids[3]}/comments`,
          payload: { body: 'checked on site' },
          headers,
        });
        expect(comment.statusCode, comment.body).toBe(201);
        expect(comment.json().events.at(-1)).toEqual(
          expect.objectContaining({ kind: 'comment', body: 'checked on site' }),
        );
        const moved = await app.inject({
          method: 'PUT',
          url: `/api/v1/tasks/${ids[3]}/status`,
          payload: { status: 'in_progress' },
          headers,
        });
        expect(moved.statusCode, moved.body).toBe(200);
        expect(moved.json().status).toBe('in_progress');
        const broken = await app.inject({
          method: 'POST',
          url: `/api/v1/tasks/${ids[3]}/comments`,
          payload: '{"body": ',
          headers: { ...headers, 'content-type': 'application/json' },
        });
        expect(broken.statusCode).toBe(400);
        // A route elsewhere: a JSON body still becomes an object there.
        const settings = await app.inject({
          method: 'PUT',
          url: '/api/v1/notifications/settings',
          payload: { deadline_days: 20 },
          headers,
        });
        expect(settings.statusCode, settings.body).toBe(200);
        expect(settings.json().deadline_days).toBe(20);
      });
    });

    describe('the board', () => {
      it(`pages through all ${TASKS} tasks with their total`, async () => {
        const seen: number[] = [];
        for (let offset = 0; offset < TASKS; offset += 500) {
          const res = await app.inject({ url: `/api/v1/tasks?limit=500&offset=${offset}&date=2019-07-10`, headers });
          expect(res.statusCode, res.body).toBe(200);
          const page = res.json() as TaskPage;
          expect(page).toEqual(expect.objectContaining({ total: TASKS, limit: 500, offset }));
          expect(page.items.length).toBe(Math.min(500, TASKS - offset));
          seen.push(...page.items.map((t) => t.id));
        }
        expect(seen).toHaveLength(TASKS);
        expect(sorted(seen)).toEqual(sorted(ids));
        expect((await app.inject({ url: '/api/v1/tasks?limit=501', headers })).statusCode).toBe(400);
      });

      it('lists every task from the command, page by page', async () => {
        const json = await outpost('tasks', 'list', '--date', '2019-07-10', '--json', '--db', url);
        expect(json.code, json.stderr).toBe(0);
        const all = JSON.parse(json.stdout) as TaskPage;
        expect(all.total).toBe(TASKS);
        expect(sorted(all.items.map((t) => t.id))).toEqual(sorted(ids));
        // In the board's order: by deadline, then id.
        const order = all.items.map((t) => [t.deadline, t.id] as const);
        expect(order).toEqual([...order].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]));

        const text = await outpost('tasks', 'list', '--date', '2019-07-10', '--db', url);
        expect(text.code, text.stderr).toBe(0);
        expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`${TASKS} tasks`);
        expect(text.stdout.split('\n').filter((l) => /^\s*\d+ {2}A\d+ /.test(l))).toHaveLength(TASKS);
      });

      it('prints one page when asked, and how to get the next', async () => {
        const first = await outpost('tasks', 'list', '--limit', '500', '--date', '2019-07-10', '--db', url);
        expect(first.code, first.stderr).toBe(0);
        expect(first.stdout.trimEnd().split('\n').at(-1)).toBe(
          `tasks 1-500 of ${TASKS}; the next: --limit 500 --offset 500, or leave out --limit for all`,
        );
        const last = await outpost('tasks', 'list', '--limit', '500', '--offset', '1000', '--json', '--db', url);
        const page = JSON.parse(last.stdout) as TaskPage;
        expect(page).toEqual(expect.objectContaining({ total: TASKS, limit: 500, offset: 1000 }));
        expect(page.items).toHaveLength(TASKS - 1000);
        const lone = await outpost('tasks', 'list', '--offset', '10', '--db', url);
        expect(lone.code).not.toBe(0);
        expect(lone.stderr).toContain('--offset goes with --limit');
      });
    });
  });
}
