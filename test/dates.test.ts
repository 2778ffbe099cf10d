/**
 * Issue 16, finding 7 (Build item 6): every day and month a route or command takes is a day of
 * the calendar within the plausible years, refused with a coded 400 otherwise (never a 500);
 * a task's status is dated by the server's clock, and only a province-wide account may backdate
 * it, with a reason the audit log keeps. Both engines, over real HTTP in-process and the CLI.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import { seedSupervision, type SupervisionFixture } from './support/supervision.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { addDays, today } from '../src/shared/clock.ts';

const PROVINCE = '510000000000';
const CITY = '510200000000';
const COUNTY = '510201000000';

async function outpost(...args: string[]) {
  let stderr = '';
  const code = await main(args, { stdout: { write: () => {} }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stderr };
}

for (const engine of ENGINES) {
  describe(`calendar dates and status dates on ${engine}`, () => {
    let url: string;
    let db: Database;
    let app: FastifyInstance;
    let admin: { authorization: string };
    let manager: { authorization: string };
    let sup: SupervisionFixture;
    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await importProvince51(db);
      sup = await seedSupervision(db, [CITY], [COUNTY]);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      admin = await adminHeaders(db);
      manager = await sessionHeaders(db, { username: 'dates-manager', role: 'manager', area: CITY });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    const call = (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object, headers = admin) =>
      app.inject({ method, url: `/api/v1${path}`, payload, headers });
    /** The codes of a 400's field issues, by place. */
    const issues = (body: { error: { code: string; params: { issues?: { at: string; code: string }[] } } }) =>
      (body.error.params.issues ?? []).map((i) => `${i.at}: ${i.code}`);

    it('refuses a day that is no date, or no day of the calendar, with a coded 400 on every route', async () => {
      const task = sup.tasks[COUNTY];
      const cases: [string, string][] = [
        [`/tasks/${task}?date=abc`, 'querystring.date: expected_date'],
        [`/tasks/${task}?date=2019-13-45`, 'querystring.date: expected_calendar_day'],
        [`/tasks/${task}?date=2019-02-29`, 'querystring.date: expected_calendar_day'],
        [`/tasks?date=2019-04-31`, 'querystring.date: expected_calendar_day'],
        [`/overview?area=${PROVINCE}&date=2019-13-45`, 'querystring.date: expected_calendar_day'],
        [`/audit?since=2019-13-45T00:00:00Z`, 'querystring.since: expected_calendar_day'],
        [`/audit?until=yesterday`, 'querystring.until: expected_utc_time'],
      ];
      for (const [path, issue] of cases) {
        const res = await call('GET', path);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
        expect(res.json().error.code, path).toBe('invalid_input');
        expect(issues(res.json()).join('; '), path).toContain(issue);
      }
      // A leap day that exists is a day.
      expect((await call('GET', `/tasks/${task}?date=2020-02-29`)).statusCode).toBe(200);
    });

    it('refuses months and days outside the plausible years: no notification for 8967-04', async () => {
      const far = await call('POST', '/notifications', { area: CITY, month: '8967-04', date: '8967-05-02' });
      expect(far.statusCode, far.body).toBe(400);
      expect(issues(far.json())).toEqual(
        expect.arrayContaining(['body.month: month_out_of_range', 'body.date: date_out_of_range']),
      );
      const early = await call('GET', `/indicators?month=1999-12&area=${PROVINCE}&scheme=performance`);
      expect(issues(early.json())).toEqual(['querystring.month: month_out_of_range']);
      expect((await call('GET', `/notifications?month=2101-01`)).statusCode).toBe(400);
      expect((await outpost('notify', '--area', CITY, '--month', '8967-04', '--out', 'x.md', '--db', url)).code).toBe(
        2,
      );
      const list = await call('GET', '/notifications');
      expect(list.json().items?.length ?? list.json().length).toBeGreaterThan(0);
      expect(JSON.stringify(list.json())).not.toContain('8967');
    });

    it('dates a status by the server clock: a client-sent date is refused, not believed', async () => {
      const task = sup.tasks[COUNTY];
      const sent = await call('PUT', `/tasks/${task}/status`, { status: 'in_progress', date: '2099-12-31' }, manager);
      expect(sent.statusCode, sent.body).toBe(400);
      expect(issues(sent.json())).toEqual(['body: unrecognized_keys']);
      const moved = await call('PUT', `/tasks/${task}/status`, { status: 'in_progress' }, manager);
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().events.at(-1).at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    });

    it('lets only a province-wide account backdate a status, with a reason, into the audit log', async () => {
      const task = sup.tasks[COUNTY];
      const opened = (await call('GET', `/tasks/${task}`)).json().created_at.slice(0, 10);
      const backdate = { date: opened, reason: '现场核查当日已整改，系统补录' };
      const byManager = await call('PUT', `/tasks/${task}/status`, { status: 'rectified', backdate }, manager);
      expect(byManager.statusCode, byManager.body).toBe(403);
      expect(byManager.json().error.code).toBe('backdate_needs_province');
      const noReason = await call('PUT', `/tasks/${task}/status`, { status: 'rectified', backdate: { date: opened } });
      expect(issues(noReason.json())).toEqual(['body.backdate.reason: value_missing']);
      const ahead = await call('PUT', `/tasks/${task}/status`, {
        status: 'rectified',
        backdate: { date: addDays(today(), 1), reason: 'x' },
      });
      expect(ahead.statusCode).toBe(400);
      expect(ahead.json().error.code).toBe('backdate_in_future');
      const before = await call('PUT', `/tasks/${task}/status`, {
        status: 'rectified',
        backdate: { date: addDays(opened, -1), reason: 'x' },
      });
      expect(before.json().error.code).toBe('backdate_before_task');
      // Nothing of the refused moves was written.
      expect((await call('GET', `/tasks/${task}`)).json().status).toBe('in_progress');

      // Forty days on, the admin records a rectification made the day after the task was opened.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(Date.now() + 40 * 86_400_000) });
      const later = await adminHeaders(db);
      const done = await call(
        'PUT',
        `/tasks/${task}/status`,
        { status: 'rectified', backdate: { date: addDays(opened, 1), reason: backdate.reason } },
        later,
      );
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().status).toBe('rectified');
      const audit = await call('GET', '/audit?action=task.status&limit=500', undefined, later);
      const entry = audit
        .json()
        .items.map((e: { target: string; detail: string }) => ({ target: e.target, detail: JSON.parse(e.detail) }))
        .find(
          (e: { target: string; detail: { to: string } }) => e.target === String(task) && e.detail.to === 'rectified',
        );
      expect(entry.detail).toEqual(
        expect.objectContaining({ backdated: addDays(opened, 1), reason: backdate.reason, from: 'in_progress' }),
      );
    });

    it('validates the CLI’s days with the same schema', async () => {
      const task = String(sup.tasks[COUNTY]);
      const show = await outpost('tasks', 'show', task, '--date', 'abc', '--db', url);
      expect(show.code).toBe(2);
      expect(show.stderr).toContain('date');
      const update = await outpost(
        'tasks',
        'update',
        task,
        '--status',
        'rectified',
        '--backdate',
        '2019-13-45',
        '--db',
        url,
      );
      expect(update.code).toBe(2);
      expect((await outpost('tasks', 'list', '--date', '2019-02-30', '--db', url)).code).toBe(2);
    });
  });
}
