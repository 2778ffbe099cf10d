/**
 * The schedule on both engines, on the acceptance province with June's notice issued: each job
 * runs on its day and only then, and a second run of the day creates and sends nothing new (a json
 * webhook on loopback counts the POSTs); claims keep two runners from running one (job, day); a
 * failing job is recorded and announced while the next job runs; missed days are caught up once,
 * oldest first; `outpost schedule run --date` and the admins' routes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { seedSupervision, TEST_ACTOR } from './support/supervision.ts';
import { adminHeaders } from './support/session.ts';
import { Robots } from './support/receivers.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { serve } from '../src/server/serve.ts';
import { today } from '../src/shared/clock.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { ChannelsService } from '../src/modules/channels/channels.service.ts';
import { dispatch } from '../src/modules/channels/dispatcher.ts';
import { verifyBackup } from '../src/modules/backup/backup.verify.ts';
import type { Job } from '../src/modules/schedule/job.ts';
import { JOBS } from '../src/modules/schedule/jobs/index.ts';
import { escalationLevel } from '../src/modules/schedule/jobs/task-escalation.job.ts';
import { runDay, runnerContext, type RunnerContext } from '../src/modules/schedule/schedule.runner.ts';
import { Scheduler } from '../src/modules/schedule/scheduler.ts';
import { TasksService } from '../src/modules/supervision/tasks.service.ts';
import { CompletenessService } from '../src/modules/completeness/completeness.service.ts';
import { updateScheduleSettings } from '../src/modules/schedule/schedule.settings.ts';

const PROVINCE = '510000000000';
let robots: Robots;

beforeAll(async () => {
  robots = await new Robots().start();
});
afterAll(async () => robots?.stop());

describe('escalation levels', () => {
  it('climbs a level on the first overdue day and every step after, up to the top', () => {
    expect([1, 7, 8, 14, 15, 40].map((d) => escalationLevel(d, 7, 3))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(escalationLevel(100, 7, 1)).toBe(1);
  });
});

for (const engine of ENGINES) {
  describe(`the schedule on ${engine}`, () => {
    let db: Database;
    let ctx: RunnerContext;
    let backups: string;
    /** What the json webhook was sent, by event id. */
    const posts = () =>
      robots
        .on('/hook')
        .filter((r) => r.query.get('db') === engine)
        .map((r) => r.body);

    async function run(day: string, only?: string[]) {
      const outcomes = await runDay(ctx, day, { trigger: 'command', only });
      await dispatch(db);
      return outcomes;
    }

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      await seedSupervision(db, [PROVINCE], []);
      const task = await db.kysely.selectFrom('tasks').select('id').orderBy('id').executeTakeFirstOrThrow();
      // Evidence, so that a backup carries a file to read back.
      await new TasksService(db).attach(
        TEST_ACTOR,
        null,
        Number(task.id),
        { name: 'photo.txt', bytes: Buffer.from('new kit'), content_type: 'text/plain' },
        '2019-07-10',
      );
      backups = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backups-'));
      await updateScheduleSettings(
        db,
        TEST_ACTOR,
        { backup_dir: backups, backup_keep: 2 },
        JOBS.map((j) => j.name),
      );
      await new ChannelsService(db).add(TEST_ACTOR, {
        name: 'all',
        kind: 'webhook',
        format: 'json',
        url: `${robots.base}/hook?db=${engine}`,
        per_minute: 600,
      });
      ctx = runnerContext(db, new AssessmentService(db.kysely));
    });
    afterAll(async () => db?.close());

    it('drafts the notification of the month on draft_day of the next month, once', async () => {
      const [early] = await run('2019-06-04', ['notification-draft']);
      expect(early).toMatchObject({ status: 'skipped', reason: 'not due' });
      const before = posts().length;
      const [ran] = await run('2019-06-05', ['notification-draft']);
      const tree = await ctx.assessment.areas.tree();
      const cities = tree.children.childrenOf(PROVINCE).filter((c) => tree.children.childrenOf(c).length > 0);
      expect(ran).toMatchObject({
        status: 'ok',
        events: 1 + cities.length,
        summary: { month: '2019-05', drafted: 1 + cities.length },
      });
      const sent = posts().slice(before);
      expect(sent.map((b) => b.area).sort()).toEqual([PROVINCE, ...cities].sort());
      for (const b of sent)
        expect(b).toMatchObject({
          event: 'notification.drafted',
          month: '2019-05',
          id: `notification.drafted:${b.area}:2019-05`,
        });
      expect(new Set(sent.map((b) => b.id)).size).toBe(sent.length);

      const [again] = await run('2019-06-05', ['notification-draft']);
      expect(again).toMatchObject({ status: 'skipped', reason: 'already run', events: 0 });
      expect(posts().length - before).toBe(sent.length);
      // June's notice of the province was issued: its draft is not announced.
      const [july] = await run('2019-07-05', ['notification-draft']);
      expect(july).toMatchObject({ status: 'ok', events: cities.length, summary: { already_issued: 1 } });
    });

    it('takes the draft day from the settings', async () => {
      await updateScheduleSettings(
        db,
        TEST_ACTOR,
        { draft_day: 7 },
        JOBS.map((j) => j.name),
      );
      expect((await run('2019-05-05', ['notification-draft']))[0].reason).toBe('not due');
      expect((await run('2019-05-07', ['notification-draft']))[0]).toMatchObject({
        status: 'ok',
        summary: { month: '2019-04' },
      });
      await updateScheduleSettings(
        db,
        TEST_ACTOR,
        { draft_day: 5 },
        JOBS.map((j) => j.name),
      );
    });

    it('reminds of tasks 3 and 1 days before their deadline, each once', async () => {
      const pending = await db.kysely
        .selectFrom('tasks')
        .select(['id', 'deadline'])
        .where('status', '=', 'open')
        .execute();
      expect(pending.length).toBeGreaterThan(0);
      const deadline = pending[0].deadline;
      const day = (n: number) =>
        new Date(Date.parse(`${deadline}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
      const before = posts().length;
      expect((await run(day(2), ['task-reminders']))[0]).toMatchObject({ status: 'ok', events: 0 });
      expect((await run(day(3), ['task-reminders']))[0]).toMatchObject({ status: 'ok', events: pending.length });
      expect((await run(day(3), ['task-reminders']))[0].reason).toBe('already run');
      expect((await run(day(1), ['task-reminders']))[0]).toMatchObject({ events: pending.length });
      const sent = posts().slice(before);
      expect(sent).toHaveLength(2 * pending.length);
      expect(sent.every((b) => b.event === 'task.reminder')).toBe(true);
      expect(sent.map((b) => (b.data as { days_left: number }).days_left).sort()).toEqual([
        ...pending.map(() => 1),
        ...pending.map(() => 3),
      ]);
    });

    it('reminds the areas whose rooms have not reported, 3 days before the reporting deadline, each once', async () => {
      const tree = await ctx.assessment.areas.tree();
      const service = new CompletenessService(ctx.assessment);
      const ranked = [
        PROVINCE,
        ...tree.children.childrenOf(PROVINCE).filter((c) => tree.children.childrenOf(c).length > 0),
      ];
      const missing = (await Promise.all(ranked.map((a) => service.children(a, '2019-06'))))
        .flat()
        .filter((r) => r.reporting < r.rooms);
      expect(missing.length).toBeGreaterThan(0);
      const before = posts().length;
      expect((await run('2019-07-01', ['completeness-reminders']))[0]).toMatchObject({ status: 'ok', events: 0 });
      expect((await run('2019-07-02', ['completeness-reminders']))[0]).toMatchObject({
        status: 'ok',
        events: missing.length,
      });
      expect((await run('2019-07-02', ['completeness-reminders']))[0].reason).toBe('already run');
      const sent = posts().slice(before);
      expect(sent.map((b) => b.area).sort()).toEqual(missing.map((r) => r.code).sort());
      for (const b of sent) {
        const row = missing.find((r) => r.code === b.area)!;
        expect(b).toMatchObject({
          event: 'completeness.reminder',
          month: '2019-06',
          id: `completeness.reminder:${row.code}:2019-06:2019-07-05:3`,
          link: `/completeness?area=${row.code}&month=2019-06`,
          data: { rooms: row.rooms, reporting: row.reporting, missing: row.rooms - row.reporting, days_left: 3 },
        });
        expect(String(b.title)).toContain(row.name);
        expect(String(b.text)).toContain('2019-07-05');
      }
    });

    it('escalates an overdue task to the next level once, and not one rectified', async () => {
      const tasks = await db.kysely
        .selectFrom('tasks')
        .select(['id', 'deadline', 'area_code'])
        .where('status', '=', 'open')
        .orderBy('id')
        .execute();
      await db.kysely.updateTable('tasks').set({ status: 'rectified' }).where('id', '=', tasks[0].id).execute();
      const overdueDay = new Date(Date.parse(`${tasks[0].deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      const before = posts().length;
      const [first] = await run(overdueDay, ['task-escalation']);
      expect(first).toMatchObject({ status: 'ok', events: tasks.length - 1 });
      const sent = posts().slice(before);
      // The cities' tasks go to the province above them.
      expect(sent.every((b) => b.event === 'task.escalated' && b.area === PROVINCE)).toBe(true);
      expect(sent.map((b) => (b.data as { task: number }).task)).not.toContain(Number(tasks[0].id));
      // A week later the province is still the top: nothing new to announce.
      const later = new Date(Date.parse(`${overdueDay}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
      expect((await run(later, ['task-escalation']))[0]).toMatchObject({ status: 'ok', events: 0 });
      expect(posts().length - before).toBe(tasks.length - 1);
    });

    it('backs up nightly, reads each backup back, keeps the latest two', async () => {
      for (const day of ['2019-08-01', '2019-08-02', '2019-08-03'])
        expect((await run(day, ['backup']))[0]).toMatchObject({ status: 'ok', events: 1 });
      expect((await run('2019-08-03', ['backup']))[0].reason).toBe('already run');
      const files = fs.readdirSync(backups).sort();
      expect(files).toEqual(['outpost-2019-08-02.backup.gz', 'outpost-2019-08-03.backup.gz']);
      const read = await verifyBackup(path.join(backups, files[1]));
      expect(read.tables).toBeGreaterThan(20);
      expect(read.files).toBeGreaterThan(0);
      // A damaged backup does not read back.
      const cut = path.join(backups, 'cut.gz');
      const bytes = fs.readFileSync(path.join(backups, files[1]));
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(verifyBackup(cut)).rejects.toThrow(/does not read back/);
      fs.rmSync(cut);
      expect(
        posts()
          .filter((b) => b.event === 'backup.completed')
          .map((b) => b.id),
      ).toEqual(['backup.completed:2019-08-01', 'backup.completed:2019-08-02', 'backup.completed:2019-08-03']);
    });

    it('sends the data-quality digest on Mondays, for each root area', async () => {
      expect((await run('2019-07-02', ['quality-digest']))[0].reason).toBe('not due');
      const [monday] = await run('2019-07-01', ['quality-digest']);
      expect(monday).toMatchObject({ status: 'ok', events: 1, summary: { month: '2019-06' } });
      const digest = posts().find((b) => b.id === `quality.digest:${PROVINCE}:2019-07-01`);
      expect(digest).toMatchObject({ event: 'quality.digest', area: PROVINCE, month: '2019-06' });
    });

    it('lets only one of two runners run a job for a day', async () => {
      const [a, b] = await Promise.all([
        runDay(ctx, '2019-09-02', { trigger: 'command', only: ['task-reminders'] }),
        runDay(ctx, '2019-09-02', { trigger: 'schedule', only: ['task-reminders'] }),
      ]);
      expect([a[0].status, b[0].status].sort()).toEqual(['ok', 'skipped']);
      const rows = await db.kysely
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', 'task-reminders')
        .where('day', '=', '2019-09-02')
        .execute();
      expect(rows).toHaveLength(1);
    });

    it('records a failing job, announces it, runs the next, and tries it again on the next run', async () => {
      let calls = 0;
      const failing: Job = {
        name: 'always-fails',
        about: { zh: '总是失败', en: 'always fails' },
        schedule: { cron: '0 9 * * *' },
        async run() {
          calls++;
          throw new Error('the disk is on fire');
        },
      };
      const mine = { ...ctx, jobs: [failing, JOBS.find((j) => j.name === 'task-reminders')!] };
      const before = posts().length;
      const outcomes = await runDay(mine, '2019-09-03', { trigger: 'command' });
      expect(outcomes.map((o) => o.status)).toEqual(['failed', 'ok']);
      expect(outcomes[0]).toMatchObject({ error: 'the disk is on fire', events: 1 });
      await dispatch(db);
      expect(posts().slice(before)).toEqual([
        expect.objectContaining({ event: 'job.failed', id: 'job.failed:always-fails:2019-09-03:1', area: null }),
      ]);
      const again = await runDay(mine, '2019-09-03', { trigger: 'command' });
      expect(again.map((o) => o.status)).toEqual(['failed', 'skipped']);
      expect(calls).toBe(2);
      const row = await db.kysely
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', 'always-fails')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'failed', error: 'the disk is on fire' });
      expect(Number(row.attempt)).toBe(2);
    });

    it('catches up each missed day once, oldest first, and no further back than 31 days', async () => {
      const days: string[] = [];
      const counting: Job = {
        name: 'counting',
        about: { zh: '计数', en: 'counting' },
        schedule: { cron: '0 9 * * *' },
        async run(_ctx, day) {
          days.push(day);
          return { events: [] };
        },
      };
      const fresh: Job = {
        ...counting,
        name: 'fresh',
        run: async (_c, day) => (days.push(`fresh ${day}`), { events: [] }),
      };
      await db.kysely
        .insertInto('job_runs')
        .values({
          job: 'counting',
          day: '2019-10-06',
          status: 'ok',
          attempt: 1,
          trigger: 'schedule',
          runner: 'test',
          started_at: '2019-10-06T01:00:00Z',
          finished_at: '2019-10-06T01:00:01Z',
          events: 0,
          summary: null,
          error: null,
        })
        .execute();
      // 12:00 in Shanghai on 2019-10-10: today's 09:00 has passed.
      const now = () => new Date('2019-10-10T04:00:00Z');
      const scheduler = new Scheduler({ ...ctx, now, jobs: [counting, fresh] });
      await scheduler.catchUp();
      expect(days).toEqual(['2019-10-07', '2019-10-08', '2019-10-09', '2019-10-10', 'fresh 2019-10-10']);
      await scheduler.catchUp();
      expect(days).toHaveLength(5);
      await scheduler.stop();

      const far = new Scheduler({ ...ctx, now: () => new Date('2019-12-31T04:00:00Z'), jobs: [counting] });
      days.length = 0;
      await far.catchUp();
      expect(days[0]).toBe('2019-11-30');
      expect(days).toHaveLength(32);
      await far.stop();
    });

    it('stops between jobs when asked: the job under way finishes, the next does not start', async () => {
      let release!: () => void;
      let started!: () => void;
      const running = new Promise<void>((r) => (started = r));
      const ran: string[] = [];
      const slow: Job = {
        name: 'slow',
        about: { zh: '慢', en: 'slow' },
        schedule: { cron: '0 0 * * *' },
        async run(_c, day) {
          started();
          await new Promise<void>((r) => (release = r));
          ran.push(`slow ${day}`);
          return { events: [] };
        },
      };
      const next: Job = { ...slow, name: 'next', run: async (_c, day) => (ran.push(`next ${day}`), { events: [] }) };
      const scheduler = new Scheduler({ ...ctx, now: () => new Date('2019-10-20T04:00:00Z'), jobs: [slow, next] });
      await scheduler.start();
      await running;
      let stopped = false;
      const stopping = scheduler.stop().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(ran).toEqual(['slow 2019-10-20']);
    });

    it('runs what is due with `outpost schedule run --date`, and again runs nothing', async () => {
      const io = () => {
        const out = { stdout: '', stderr: '' };
        return {
          out,
          io: {
            stdout: { write: (s: string) => (out.stdout += s) },
            stderr: { write: (s: string) => (out.stderr += s) },
          },
        };
      };
      const first = io();
      expect(
        await main(['schedule', 'run', '--date', '2019-11-05', '--db', db.url, '--json'], first.io),
        first.out.stderr,
      ).toBe(0);
      const report = JSON.parse(first.out.stdout);
      expect(report.jobs.find((j: { job: string }) => j.job === 'notification-draft')).toMatchObject({
        status: 'ok',
        summary: { month: '2019-10' },
      });
      const second = io();
      expect(await main(['schedule', 'run', '--date', '2019-11-05', '--db', db.url, '--json'], second.io)).toBe(0);
      expect(
        JSON.parse(second.out.stdout).jobs.every((j: { status: string; reason?: string }) => j.status === 'skipped'),
      ).toBe(true);
      const bad = io();
      expect(await main(['schedule', 'run', '--date', '2019-02-30', '--db', db.url], bad.io)).toBe(2);
      expect(bad.out.stderr).toContain('not a day of the calendar');
    });

    it('shows admins the jobs with their next run times and their runs', async () => {
      const app: FastifyInstance = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      try {
        const headers = await adminHeaders(db);
        const jobs = await app.inject({ url: '/api/v1/schedule/jobs', headers });
        expect(jobs.statusCode).toBe(200);
        const draft = jobs.json().find((j: { name: string }) => j.name === 'notification-draft');
        expect(draft).toMatchObject({ pattern: '0 8 5 * *', time_zone: 'Asia/Shanghai', enabled: true });
        expect(draft.next_runs).toHaveLength(3);
        expect(draft.last_run).toMatchObject({ status: 'ok' });
        const runs = await app.inject({ url: '/api/v1/schedule/runs?job=backup', headers });
        expect(runs.json().items.map((r: { day: string }) => r.day)).toEqual([
          '2019-11-05',
          '2019-08-03',
          '2019-08-02',
          '2019-08-01',
        ]);
        const bad = await app.inject({
          method: 'PUT',
          url: '/api/v1/schedule/settings',
          headers,
          payload: { jobs: { backup: { cron: 'every night' } } },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.message).toContain('not a cron pattern');
      } finally {
        await app.close();
      }
    });
  });
}

describe('the server process', () => {
  it('runs the jobs due today when it starts, and stops them when it closes', async () => {
    const dbUrl = await freshDatabaseUrl('sqlite');
    const db = await openDatabase(dbUrl);
    // Every job due at midnight: whatever the time of the test, today's runs are due by now.
    await updateScheduleSettings(
      db,
      TEST_ACTOR,
      { jobs: Object.fromEntries(JOBS.map((j) => [j.name, { cron: '0 0 * * *' }])) },
      JOBS.map((j) => j.name),
    );
    await db.close();
    const server = await serve({ dbUrl, port: 0, host: '127.0.0.1', schedule: true });
    try {
      await server.ready;
      await expect
        .poll(
          async () =>
            (
              await server.db.kysely
                .selectFrom('job_runs')
                .select(['job', 'status'])
                .where('day', '=', today())
                .execute()
            ).length,
          { timeout: 30_000 },
        )
        .toBe(JOBS.length);
      const runs = await server.db.kysely.selectFrom('job_runs').select(['job', 'status', 'trigger']).execute();
      expect(runs.every((r) => r.status === 'ok' && r.trigger === 'schedule')).toBe(true);
    } finally {
      await server.close();
    }
    expect(fs.existsSync(path.join(path.dirname(dbUrl), 'backups', `outpost-${today()}.backup.gz`))).toBe(true);
  }, 60_000);
});
