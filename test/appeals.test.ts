/**
 * Appeals (申诉) on both engines, on province-51: every refusal (out of time, not a ranked area,
 * another area's score, one's own appeal, deciding below the issuing level, deciding twice, a
 * second pending appeal) writes nothing; an upheld appeal leads through unlock → relock to the
 * correction notice that closes it; the route and the command; the issuing level's 待办.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { TEST_ACTOR } from './support/supervision.ts';
import { adminHeaders } from './support/session.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { AppError } from '../src/shared/errors.ts';
import { today } from '../src/shared/clock.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { operatorActor } from '../src/modules/accounts/access.ts';
import { actOnPeriod } from '../src/modules/periods/periods.service.ts';
import { NotificationsService, type IssuedNotification } from '../src/modules/notifications/notifications.service.ts';
import { updateSettings } from '../src/modules/notifications/settings.service.ts';
import { AppealsService } from '../src/modules/appeals/appeals.service.ts';
import { TODO_SOURCES } from '../src/modules/todo/todo.sources.ts';
import type { Scope } from '../src/modules/accounts/scope.ts';

const PROVINCE = '510000000000';
const CITY_1 = '510100000000';
const CITY_2 = '510200000000';
const COUNTY_1 = '510101000000';
const scopeOf = (area: string): Scope => ({ area, unit: null, badge: null });
const as = (actor: string) => ({ ...TEST_ACTOR, actor });

const refused = async (p: Promise<unknown>, code: string) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'refused').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
};

for (const engine of ENGINES) {
  describe(`appeals on ${engine}`, () => {
    let url: string;
    let db: Database;
    let app: FastifyInstance;
    let appeals: AppealsService;
    let notices: NotificationsService;
    let may: IssuedNotification;
    let june: IssuedNotification;
    let upheld: number;
    const count = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('appeals')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const decideTodo = async (actor: string, role: string, scope: Scope | null) => {
      const query = { actor: { who: as(actor), scope }, role, today: today() };
      const items = (await Promise.all(TODO_SOURCES.map((s) => s(createContext(db), query)))).flat();
      return items.filter((i) => i.kind === 'appeal_decide').map((i) => i.key);
    };

    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await importProvince51(db);
      const ctx = createContext(db);
      notices = new NotificationsService(db, ctx.assessment);
      appeals = new AppealsService(ctx);
      await updateSettings(db, TEST_ACTOR, { issuers: { [PROVINCE]: { name: '四川省公安厅', abbr: '川公社' } } });
      may = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-05', lang: 'zh', date: '2019-06-05' });
      await actOnPeriod(ctx, operatorActor('period lock'), 'lock', { month: '2019-06', area: PROVINCE });
      june = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-06', lang: 'zh', date: today() });
      app = await buildApp(ctx, { web: false, access: { publicAggregates: false, requireAdminTotp: false } });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('refuses an appeal out of time, of an area not ranked, of another area, or of no notice, writing nothing', async () => {
      const city = scopeOf(CITY_1);
      const notice = Number(june.entry.id);
      await refused(
        appeals.file(as('user:city1'), city, { notification: Number(may.entry.id), area: CITY_1, reason: 'x' }),
        'appeal_out_of_time',
      );
      await refused(
        appeals.file(TEST_ACTOR, null, { notification: notice, area: COUNTY_1, reason: 'x' }),
        'appeal_not_ranked',
      );
      await refused(
        appeals.file(as('user:city1'), city, { notification: notice, area: CITY_2, reason: 'x' }),
        'appeal_other_area',
      );
      await refused(
        appeals.file(TEST_ACTOR, null, { notification: 9999, area: CITY_1, reason: 'x' }),
        'notification_not_found',
      );
      expect(await count()).toBe(0);
    });

    it("files a ranked area's appeal with evidence, once while it is pending", async () => {
      const filed = await appeals.file(as('user:city1'), scopeOf(CITY_1), {
        notification: Number(june.entry.id),
        area: CITY_1,
        reason: '6月检查记录漏报，已补录',
      });
      expect(filed).toMatchObject({
        status: 'pending',
        area: { code: CITY_1 },
        month: '2019-06',
        steps: [],
        correction: null,
      });
      const withFile = await appeals.attach(as('user:city1'), scopeOf(CITY_1), filed.id, {
        name: '检查记录.txt',
        bytes: Buffer.from('inspection sheets'),
        content_type: 'text/plain',
      });
      expect(withFile.evidence.map((e) => e.file_name)).toEqual(['检查记录.txt']);
      expect((await appeals.evidence(scopeOf(CITY_1), filed.id, withFile.evidence[0].id)).bytes.toString()).toBe(
        'inspection sheets',
      );
      await refused(
        appeals.file(as('user:city1'), scopeOf(CITY_1), {
          notification: Number(june.entry.id),
          area: CITY_1,
          reason: 'again',
        }),
        'appeal_pending',
      );
      // Another area's manager does not see it.
      await refused(appeals.get(scopeOf(CITY_2), filed.id), 'appeal_not_found');
      expect(await count()).toBe(1);
      upheld = filed.id;
    });

    it('is decided by the issuing level only, never by its filer, and only once', async () => {
      expect(await decideTodo('user:prov', 'manager', scopeOf(PROVINCE))).toEqual([`appeal_decide:${upheld}`]);
      expect(await decideTodo('user:city1', 'manager', scopeOf(CITY_1))).toEqual([]);
      await refused(
        appeals.decide(as('user:city1'), scopeOf(CITY_1), upheld, 'upheld', 'ok'),
        'appeal_decide_not_issuer',
      );
      const own = await appeals.file(TEST_ACTOR, null, {
        notification: Number(june.entry.id),
        area: CITY_2,
        reason: '数据有误',
      });
      await refused(appeals.decide(TEST_ACTOR, null, own.id, 'rejected', 'no'), 'appeal_own_decision');
      expect((await appeals.get(null, own.id)).status).toBe('pending');

      const decided = await appeals.decide(as('user:prov'), scopeOf(PROVINCE), upheld, 'upheld', '核实属实，予以更正');
      expect(decided).toMatchObject({
        status: 'upheld',
        decided_by: 'user:prov',
        decided_by_name: 'prov',
        decision_reason: '核实属实，予以更正',
      });
      expect(decided.steps.map((s) => [s.step, s.done])).toEqual([
        ['unlock', false],
        ['correct', false],
        ['relock', false],
        ['correction', false],
      ]);
      expect(decided.steps[3].link).toBe(`/notifications?area=${PROVINCE}&month=2019-06`);
      await refused(appeals.decide(as('user:root'), null, upheld, 'rejected', 'no'), 'appeal_decided');
      expect((await appeals.get(null, upheld)).status).toBe('upheld');
      expect(await decideTodo('user:prov', 'manager', scopeOf(PROVINCE))).toEqual([`appeal_decide:${own.id}`]);
      // Whoever filed it is not asked to decide it.
      expect(await decideTodo(TEST_ACTOR.actor, 'admin', null)).toEqual([]);
    });

    it('leads an upheld appeal through unlock and relock to the correction notice that closes it', async () => {
      const ctx = createContext(db);
      await actOnPeriod(ctx, operatorActor('period unlock'), 'unlock', {
        month: '2019-06',
        area: PROVINCE,
        reason: '申诉成立，更正数据',
      });
      expect((await appeals.get(null, upheld)).steps.map((s) => s.done)).toEqual([true, false, false, false]);
      await actOnPeriod(ctx, operatorActor('period lock'), 'lock', { month: '2019-06', area: PROVINCE });
      expect((await appeals.get(null, upheld)).steps.map((s) => s.done)).toEqual([true, true, true, false]);
      const fixed = await notices.issue(TEST_ACTOR, {
        area: PROVINCE,
        month: '2019-06',
        lang: 'zh',
        date: today(),
        corrects: june.entry.number,
        reason: '申诉成立',
      });
      const closed = await appeals.get(null, upheld);
      expect(closed.correction).toEqual({ id: Number(fixed.entry.id), number: fixed.entry.number });
      expect(closed.steps.every((s) => s.done)).toBe(true);
      expect(closed.steps[3].link).toBe(`/notifications/${Number(fixed.entry.id)}`);
      const listed = await appeals.list(null, { notification: Number(june.entry.id), limit: 50, offset: 0 });
      expect(listed.items.map((a) => [a.id, a.correction?.number ?? null])).toContainEqual([
        upheld,
        fixed.entry.number,
      ]);
      // The corrected notice no longer stands: its figures are appealed in the correction.
      await refused(
        appeals.file(TEST_ACTOR, null, { notification: Number(june.entry.id), area: CITY_1, reason: '再次申诉' }),
        'appeal_superseded',
      );
      expect((await appeals.list(null, { notification: Number(june.entry.id), limit: 50, offset: 0 })).total).toBe(
        listed.total,
      );
    });

    it('answers the routes and the command with the same refusals', async () => {
      const headers = await adminHeaders(db);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/appeals',
        headers,
        payload: { notification: Number(may.entry.id), area: CITY_1, reason: 'late' },
      });
      expect(bad.statusCode).toBe(409);
      expect(bad.json()).toMatchObject({ error: { code: 'appeal_out_of_time' } });
      const list = await app.inject({ url: `/api/v1/appeals?notification=${Number(june.entry.id)}`, headers });
      expect(list.statusCode).toBe(200);
      expect(list.json().total).toBe(2);
      const pending = list.json().items.find((a: { status: string }) => a.status === 'pending');
      const decided = await app.inject({
        method: 'POST',
        url: `/api/v1/appeals/${pending.id}/decision`,
        headers,
        payload: { decision: 'rejected', reason: '数据无误' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'rejected', steps: [] });

      let stdout = '';
      let stderr = '';
      const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
      expect(await main(['appeal', 'show', String(upheld), '--db', url], io), stderr).toBe(0);
      expect(stdout).toContain(`appeal ${upheld}:`);
      expect(stdout).toContain('[x] correction');
      stderr = '';
      expect(
        await main(['appeal', 'decide', String(upheld), '--decision', 'rejected', '--reason', 'x', '--db', url], io),
      ).not.toBe(0);
      expect(stderr).toMatch(/already decided/);
    });
  });
}
