/**
 * Notifications, tasks, leaders, five problems and the summary through the HTTP API (in-process,
 * signed in) and through the CLI, on both engines: the same things both ways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders } from './support/session.ts';
import { docxText } from './support/docx-text.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';

const PROVINCE = '510000000000';
const MONTH = '2019-06';

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

for (const engine of ENGINES) {
  describe(`notification routes and commands on ${engine}`, () => {
    let url: string;
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-notify-api-'));
    beforeAll(async () => {
      process.env.OUTPOST_EVIDENCE_DIR = path.join(dir, 'evidence');
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await importProvince51(db);
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
    const call = (method: 'GET' | 'POST' | 'PUT', u: string, payload?: unknown, extra: Record<string, string> = {}) =>
      app.inject({ method, url: u, payload: payload as never, headers: { ...headers, ...extra } });

    it('previews a draft as HTML, PDF, DOCX, XLSX and the model, and names no number', async () => {
      const html = await call('GET', `/api/v1/notifications/preview?area=${PROVINCE}&month=${MONTH}&date=2019-07-05`);
      expect(html.statusCode).toBe(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.body).toContain('关于2019年6月Province 1社区和农村警务工作情况的通报');
      expect(html.body).toContain('征求意见稿');
      for (const [format, type] of [
        ['pdf', 'application/pdf'],
        ['docx', 'wordprocessingml'],
        ['xlsx', 'spreadsheetml'],
      ]) {
        const res = await call(
          'GET',
          `/api/v1/notifications/preview?area=${PROVINCE}&month=${MONTH}&date=2019-07-05&format=${format}`,
        );
        expect(res.statusCode, format).toBe(200);
        expect(res.headers['content-type']).toContain(type);
        expect(res.rawPayload.length).toBeGreaterThan(1000);
      }
      const model = (
        await call(
          'GET',
          `/api/v1/notifications/preview?area=${PROVINCE}&month=${MONTH}&date=2019-07-05&format=json&lang=en`,
        )
      ).json();
      expect(model.document.head.number).toBeNull();
      expect(model.document.title).toBe('Notification on Community and Rural Policing in Province 1, June 2019');
      expect((await call('GET', `/api/v1/notifications/preview?area=NOPE&month=${MONTH}`)).statusCode).toBe(404);
      expect((await call('GET', `/api/v1/notifications/preview?area=${PROVINCE}&month=2019-13`)).statusCode).toBe(400);
    });

    it('issues, archives and renders an issued notice from what was stored', async () => {
      const issued = await call('POST', '/api/v1/notifications', { area: PROVINCE, month: MONTH, date: '2019-07-05' });
      expect(issued.statusCode).toBe(201);
      const { notification, tasks } = issued.json();
      expect(notification.number).toBe('Province 1〔2019〕1号');
      expect(tasks.opened).toBeGreaterThan(0);
      expect((await call('POST', '/api/v1/notifications', { area: PROVINCE, month: MONTH })).statusCode).toBe(409);

      const archive = (await call('GET', `/api/v1/notifications?area=${PROVINCE}&month=${MONTH}`)).json();
      expect(archive).toEqual([
        expect.objectContaining({
          id: notification.id,
          number: notification.number,
          content_hash: notification.content_hash,
          superseded_by: null,
        }),
      ]);
      const stored = (await call('GET', `/api/v1/notifications/${notification.id}`)).json();
      const docx = await call('GET', `/api/v1/notifications/${notification.id}?format=docx`);
      expect(docxText(docx.rawPayload)).toContain(stored.content.document.title);
      expect(docxText(docx.rawPayload)).toContain(notification.number);
      expect((await call('GET', '/api/v1/notifications/9999')).statusCode).toBe(404);
    });

    it('runs the task board: overdue by date, moves, comments, evidence up and down, leaders', async () => {
      const overdue = (await call('GET', '/api/v1/tasks?overdue=true&date=2019-08-05&limit=500')).json();
      expect(overdue.total).toBeGreaterThan(0);
      expect(
        overdue.items.every((t: { overdue: boolean; days_overdue: number }) => t.overdue && t.days_overdue === 1),
      ).toBe(true);
      const task = overdue.items[0];

      const moved = await call('PUT', `/api/v1/tasks/${task.id}/status`, {
        status: 'in_progress',
        comment: '已部署整改',
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json().status).toBe('in_progress');
      expect((await call('PUT', `/api/v1/tasks/${task.id}/status`, { status: 'verified' })).statusCode).toBe(409);
      expect((await call('PUT', `/api/v1/tasks/${task.id}/status`, { status: 'withdrawn' })).statusCode).toBe(400);
      expect((await call('POST', `/api/v1/tasks/${task.id}/comments`, { body: '现场核查' })).statusCode).toBe(201);

      const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
      const up = await call('POST', `/api/v1/tasks/${task.id}/evidence?name=${encodeURIComponent('现场.jpg')}`, photo, {
        'content-type': 'image/jpeg',
      });
      expect(up.statusCode).toBe(201);
      const evidence = up.json().evidence[0];
      expect(evidence).toEqual(
        expect.objectContaining({ file_name: '现场.jpg', size: photo.length, content_type: 'image/jpeg' }),
      );
      const down = await call('GET', `/api/v1/tasks/${task.id}/evidence/${evidence.id}`);
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(photo)).toBe(true);
      expect(down.headers['content-disposition']).toContain(encodeURIComponent('现场.jpg'));
      expect(down.headers['x-content-type-options']).toBe('nosniff');

      const detail = (await call('GET', `/api/v1/tasks/${task.id}`)).json();
      expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'status', 'comment', 'evidence']);

      const leader = await call('PUT', `/api/v1/leaders/${task.area.code}`, {
        name: '王刚',
        title: '副局长',
        phone: '123',
      });
      expect(leader.statusCode).toBe(200);
      expect((await call('GET', `/api/v1/tasks/${task.id}`)).json().leader).toEqual({
        name: '王刚',
        title: '副局长',
        phone: '123',
      });
      expect((await call('GET', `/api/v1/leaders?area=${PROVINCE}`)).json().total).toBe(1);
    });

    it('shows the five problems and the summary', async () => {
      const five = (await call('GET', `/api/v1/five-problems?area=${PROVINCE}&date=2019-06-30`)).json();
      expect(Object.keys(five.problems)).toEqual(['people', 'premises', 'working', 'assessment', 'retention']);
      expect(five.children).toHaveLength(7);
      const summary = await call('GET', `/api/v1/summary?area=${PROVINCE}&year=2019&date=2020-01-10`);
      expect(summary.statusCode).toBe(200);
      expect(summary.headers['content-type']).toMatch(/markdown/);
      expect(summary.body).toContain('# Province 12019年社区和农村警务工作总结');
    });

    it('does the same through the CLI: notify in every format, list, tasks, problems, summary', async () => {
      for (const ext of ['docx', 'pdf', 'xlsx', 'html', 'md']) {
        const out = path.join(dir, `draft.${ext}`);
        const r = await outpost(
          'notify',
          '--month',
          '2019-05',
          '--area',
          PROVINCE,
          '--out',
          out,
          '--date',
          '2019-06-05',
          '--db',
          url,
        );
        expect(r.code, r.stderr).toBe(0);
        expect(fs.statSync(out).size).toBeGreaterThan(500);
      }
      const listed = await outpost('notify', 'list', '--json', '--db', url);
      expect(JSON.parse(listed.stdout)).toHaveLength(1);
      const again = await outpost(
        'notify',
        '--month',
        MONTH,
        '--area',
        PROVINCE,
        '--out',
        path.join(dir, 'x.docx'),
        '--issue',
        '--db',
        url,
      );
      expect(again.code).toBe(5);
      expect(again.stderr).toContain('only corrected');
      const board = await outpost('tasks', 'list', '--overdue', '--date', '2019-08-05', '--json', '--db', url);
      expect(JSON.parse(board.stdout).total).toBeGreaterThan(0);
      const problems = await outpost('problems', '--area', PROVINCE, '--date', '2019-06-30', '--json', '--db', url);
      expect(JSON.parse(problems.stdout).children).toHaveLength(7);
      const md = path.join(dir, 'summary.md');
      const summary = await outpost(
        'summary',
        '--year',
        '2019',
        '--area',
        PROVINCE,
        '--lang',
        'en',
        '--out',
        md,
        '--date',
        '2020-01-10',
        '--db',
        url,
      );
      expect(summary.code, summary.stderr).toBe(0);
      expect(fs.readFileSync(md, 'utf8')).toContain('Work Summary for 2019');
    });
  });
}
