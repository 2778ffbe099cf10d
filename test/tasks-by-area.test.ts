/**
 * Rectification tasks per lagging area on both engines, on province-51: one task per area listing
 * its problems with links to their explanation, the area's previous task and streak, a correction
 * carrying an area's task with the problems it still names; bulk assignment of a registered
 * leader (service, route and command; all or none); four eyes on verification; what the tasks
 * leave in whose 待办.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { load } from './support/factory.ts';
import { TEST_ACTOR } from './support/supervision.ts';
import { adminHeaders } from './support/session.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { AppError } from '../src/shared/errors.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { NotificationsService, type IssuedNotification } from '../src/modules/notifications/notifications.service.ts';
import { updateSettings } from '../src/modules/notifications/settings.service.ts';
import { setLeader } from '../src/modules/supervision/leaders.service.ts';
import { supervisionState, TasksService } from '../src/modules/supervision/tasks.service.ts';
import { assignTasks } from '../src/modules/supervision/tasks.assign.ts';
import { TODO_SOURCES } from '../src/modules/todo/todo.sources.ts';
import type { Scope } from '../src/modules/accounts/scope.ts';

const PROVINCE = '510000000000';
const CITY_1 = '510100000000';
const CITY_5 = '510500000000';
const CITY_1_ROOMS = ['R51010100200001', 'R51010100200002', 'R51010100300001', 'R51010100300002'];
const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'];
const OTHER = { ...TEST_ACTOR, actor: 'os:other' };

const refused = async (p: Promise<unknown>, code: string) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'refused').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
};

const scopeOf = (area: string): Scope => ({ area, unit: null, badge: null });

for (const engine of ENGINES) {
  describe(`tasks per area on ${engine}`, () => {
    let url: string;
    let db: Database;
    let app: FastifyInstance;
    let notices: NotificationsService;
    let tasks: TasksService;
    let may: IssuedNotification;
    let june: IssuedNotification;
    const list = async (notification: number, date = '2019-07-10') =>
      (await tasks.list(null, { notification, date, limit: 500, offset: 0 })).items;
    const todo = async (actor: string, role: string, scope: Scope | null) => {
      const ctx = createContext(db);
      const query = { actor: { who: { ...TEST_ACTOR, actor }, scope }, role, today: '2019-07-10' };
      return (await Promise.all(TODO_SOURCES.map((s) => s(ctx, query)))).flat();
    };

    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await importProvince51(db);
      notices = new NotificationsService(db, new AssessmentService(db.kysely));
      tasks = new TasksService(db);
      await updateSettings(db, TEST_ACTOR, { issuers: { [PROVINCE]: { name: '四川省公安厅', abbr: '川公社' } } });
      await setLeader(db, TEST_ACTOR, null, CITY_1, { name: '张伟', title: '副局长', phone: null });
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('opens one task per lagging area, listing its problems with links to their explanation', async () => {
      may = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-05', lang: 'zh', date: '2019-06-05' });
      const opened = await list(Number(may.entry.id));
      const areas = [...new Set(may.content.problems.map((p) => p.area_code))];
      expect(opened.map((t) => t.area.code).sort()).toEqual([...areas].sort());
      expect(may.tasks.opened).toBe(areas.length);
      expect(may.content.problems.length).toBeGreaterThan(areas.length);
      for (const t of opened) {
        const problems = may.content.problems.filter((p) => p.area_code === t.area.code);
        expect(t.indicators.map((i) => [i.scheme, i.indicator, i.value])).toEqual(
          problems.map((p) => [p.scheme, p.indicator, p.value]),
        );
        expect([t.scheme, t.indicator]).toEqual([problems[0].scheme, problems[0].indicator]);
        expect(t.figures).toBe(`/assessment/explain?area=${t.area.code}&month=2019-05`);
        for (const i of t.indicators)
          expect(i.explain).toBe(
            i.indicator === 'composite'
              ? `/assessment/rankings?area=${t.area.code}&month=2019-05&scheme=${i.scheme}`
              : `/assessment/explain?area=${t.area.code}&month=2019-05&scheme=${i.scheme}&indicator=${i.indicator}`,
          );
        expect(t.leader?.name ?? null).toBe(t.area.code === CITY_1 ? '张伟' : null);
      }
    });

    it("links an area's task to its task of the month before, its streak the longest of its problems", async () => {
      june = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-06', lang: 'zh', date: '2019-07-05' });
      const mayTasks = await list(Number(may.entry.id));
      const juneTasks = await list(Number(june.entry.id));
      expect(juneTasks.length).toBeGreaterThan(0);
      for (const t of juneTasks) {
        expect(t.previous_task_id).toBe(mayTasks.find((m) => m.area.code === t.area.code)?.id ?? null);
        expect(t.streak).toBe(Math.max(...t.indicators.map((i) => i.streak)));
      }
      expect(juneTasks.some((t) => t.repeat)).toBe(true);
    });

    it("carries an area's task into a correction with the problems it still names", async () => {
      const before = (await list(Number(june.entry.id))).find((t) => t.area.code === CITY_1)!;
      expect(before.indicators.map((i) => i.indicator)).toContain('standardization_rate');
      await load(db, {
        inspections: CITY_1_ROOMS.map((unit_code) => ({
          unit_code,
          date: '2019-06-30',
          ...Object.fromEntries(ASPECTS.map((a) => [a, 'pass'])),
        })),
      });
      june = await notices.issue(TEST_ACTOR, {
        area: PROVINCE,
        month: '2019-06',
        lang: 'zh',
        date: '2019-07-06',
        corrects: june.entry.number,
        reason: '补录检查记录',
      });
      const after = (await list(Number(june.entry.id))).find((t) => t.area.code === CITY_1);
      const still = june.content.problems.filter((p) => p.area_code === CITY_1).map((p) => p.indicator);
      if (still.length === 0) {
        expect(after).toBeUndefined();
        expect((await tasks.get(null, before.id, '2019-07-06')).status).toBe('withdrawn');
      } else {
        expect(after?.id).toBe(before.id);
        expect(after?.indicators.map((i) => i.indicator)).toEqual(still);
        expect(still).not.toContain('standardization_rate');
      }
    });

    describe('bulk assignment', () => {
      it('gives the selected tasks a registered leader, each recording it, and audits once', async () => {
        const [a, b] = (await list(Number(june.entry.id))).filter((t) => t.leader === null);
        const done = await assignTasks(db, TEST_ACTOR, null, [a.id, b.id, a.id], CITY_1);
        expect(done).toEqual({ assigned: 2, leader: { area: CITY_1, name: '张伟', title: '副局长' } });
        for (const id of [a.id, b.id]) {
          const t = await tasks.get(null, id, '2019-07-10');
          expect(t.leader).toEqual({ name: '张伟', title: '副局长', phone: null });
          expect(t.events.at(-1)).toMatchObject({ kind: 'assigned', actor: TEST_ACTOR.actor, body: '张伟（副局长）' });
        }
        const audit = await db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'task.assign').execute();
        expect(audit).toHaveLength(1);
      });

      it('refuses an unregistered leader, a task outside the jurisdiction and a closed task, assigning none', async () => {
        const open = (await list(Number(june.entry.id))).filter((t) => t.leader === null);
        expect(open.length).toBeGreaterThan(1);
        const [x, y] = open;
        await refused(assignTasks(db, TEST_ACTOR, null, [x.id], '510200000000'), 'leader_not_registered');
        // A city's manager neither reaches another city's leader nor its tasks.
        await refused(assignTasks(db, TEST_ACTOR, scopeOf(CITY_5), [x.id], CITY_1), 'leader_not_registered');
        await setLeader(db, TEST_ACTOR, null, CITY_5, { name: '李强', title: '副局长', phone: null });
        const foreign = open.find((t) => t.area.code !== CITY_5)!;
        await refused(assignTasks(db, TEST_ACTOR, scopeOf(CITY_5), [foreign.id], CITY_5), 'task_not_found');
        // Close one: verified by another account than the one that rectified it.
        await tasks.changeStatus(TEST_ACTOR, null, y.id, 'rectified', undefined);
        await tasks.changeStatus(OTHER, null, y.id, 'verified', undefined);
        await refused(assignTasks(db, TEST_ACTOR, null, [x.id, y.id], CITY_1), 'task_assign_closed');
        expect((await tasks.get(null, x.id, '2019-07-10')).leader).toBeNull();
        expect((await tasks.get(null, y.id, '2019-07-10')).leader).toBeNull();
      });

      it('assigns through POST /tasks/assign and `outpost tasks assign`', async () => {
        const pending = (await list(Number(june.entry.id))).filter((t) => t.status === 'open');
        const x = pending.find((t) => t.leader === null)!;
        // A leader given before is replaced.
        const y = pending.find((t) => t.id !== x.id && t.leader !== null)!;
        const headers = await adminHeaders(db);
        const bad = await app.inject({
          method: 'POST',
          url: '/api/v1/tasks/assign',
          headers,
          payload: { ids: [x.id], leader: '510200000000' },
        });
        expect(bad.statusCode).toBe(404);
        expect(bad.json()).toMatchObject({ error: { code: 'leader_not_registered' } });
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/tasks/assign',
          headers,
          payload: { ids: [x.id], leader: CITY_5 },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ assigned: 1, leader: { name: '李强' } });

        let stdout = '';
        let stderr = '';
        const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
        expect(await main(['tasks', 'assign', '--ids', `${y.id}`, '--leader', CITY_1, '--db', url], io), stderr).toBe(
          0,
        );
        expect(stdout).toBe('1 tasks assigned to 张伟 (副局长)\n');
        expect((await tasks.get(null, y.id, '2019-07-10')).leader?.name).toBe('张伟');
        expect(await main(['tasks', 'assign', '--ids', 'x', '--leader', CITY_1, '--db', url], io)).not.toBe(0);
      });
    });

    it('lets only another account verify a rectification, writing nothing when refused', async () => {
      const t = (await list(Number(june.entry.id))).find((x) => x.status === 'open')!;
      const rectified = await tasks.changeStatus(TEST_ACTOR, null, t.id, 'rectified', undefined);
      expect(rectified.rectified_by).toBe(TEST_ACTOR.actor);
      await refused(tasks.changeStatus(TEST_ACTOR, null, t.id, 'verified', undefined), 'verify_own_rectification');
      const still = await tasks.get(null, t.id, '2019-07-10');
      expect([still.status, still.events.length]).toEqual(['rectified', rectified.events.length]);
      expect((await tasks.changeStatus(OTHER, null, t.id, 'verified', undefined)).status).toBe('verified');
    });

    it("puts tasks in the right account's 待办: to assign and verify at the issuing level, to rectify at the area", async () => {
      const juneTasks = await list(Number(june.entry.id));
      const keys = (items: { key: string }[], kind: string) =>
        items
          .filter((i) => i.key.startsWith(`${kind}:`))
          .map((i) => i.key)
          .sort();
      const ids = (kind: string, pick: (t: (typeof juneTasks)[number]) => boolean) =>
        juneTasks
          .filter(pick)
          .map((t) => `${kind}:${t.id}`)
          .sort();
      const mayLeaderless = (await list(Number(may.entry.id))).filter((t) => t.leader === null);

      const province = await todo('user:prov', 'manager', scopeOf(PROVINCE));
      expect(keys(province, 'task_assign')).toEqual(
        [
          ...ids('task_assign', (t) => t.leader === null && t.status !== 'verified' && t.status !== 'withdrawn'),
          ...mayLeaderless.map((t) => `task_assign:${t.id}`),
        ].sort(),
      );
      expect(province.find((i) => i.kind === 'task_assign')?.link).toMatch(/^\/tasks\/table\?notification=\d+$/);
      expect(keys(province, 'task_rectify')).toEqual([]);

      const city = await todo('user:city', 'manager', scopeOf(CITY_1));
      const cityTask = juneTasks.find((t) => t.area.code === CITY_1 && t.status === 'open')!;
      expect(keys(city, 'task_rectify')).toContain(`task_rectify:${cityTask.id}`);
      expect(city.find((i) => i.key === `task_rectify:${cityTask.id}`)).toMatchObject({
        area: CITY_1,
        due: cityTask.deadline,
        link: `/tasks/${cityTask.id}`,
      });
      expect(keys(city, 'task_assign')).toEqual([]);
      expect(await todo('user:analyst', 'analyst', null)).toEqual([]);

      // The city marks it rectified: it leaves the city's list and waits at the province.
      await tasks.changeStatus(
        { ...TEST_ACTOR, actor: 'user:city' },
        scopeOf(CITY_1),
        cityTask.id,
        'rectified',
        undefined,
      );
      expect(keys(await todo('user:city', 'manager', scopeOf(CITY_1)), 'task_rectify')).not.toContain(
        `task_rectify:${cityTask.id}`,
      );
      expect(keys(await todo('user:prov', 'manager', scopeOf(PROVINCE)), 'task_verify')).toContain(
        `task_verify:${cityTask.id}`,
      );
      // Whoever rectified it is not asked to verify it; an admin who did not is.
      expect(keys(await todo('user:city', 'admin', null), 'task_verify')).not.toContain(`task_verify:${cityTask.id}`);
      expect(keys(await todo('user:root', 'admin', null), 'task_verify')).toContain(`task_verify:${cityTask.id}`);
    });

    it("names every problem of an overdue task in the next notice's supervision section", async () => {
      const state = await supervisionState(db, PROVINCE, '2019-08-30');
      const pending = (await list(Number(june.entry.id), '2019-08-30')).filter((t) => t.overdue);
      expect(pending.length).toBeGreaterThan(0);
      for (const t of pending)
        expect(state?.overdue.find((o) => o.id === t.id)?.problems).toEqual(
          t.indicators.map((i) => ({ scheme: i.scheme, indicator: i.indicator })),
        );
    });
  });
}
