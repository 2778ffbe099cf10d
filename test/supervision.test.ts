/**
 * The life of notifications and their supervision tasks on both engines, on province-51: issue
 * (number, hash, tasks for leaders), immutability, task moves, overdue by date, repeat problems
 * and overdue tasks carried into the next notice, corrections, evidence, who verifies.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { load } from './support/factory.ts';
import { TEST_ACTOR } from './support/supervision.ts';
import { docxText } from './support/docx-text.ts';
import type { Database } from '../src/db/database.ts';
import { AppError } from '../src/shared/errors.ts';
import { canonicalJson } from '../src/modules/audit/canonical.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { NotificationsService, type IssuedNotification } from '../src/modules/notifications/notifications.service.ts';
import { updateSettings } from '../src/modules/notifications/settings.service.ts';
import { renderDocument } from '../src/modules/notifications/document/render.ts';
import { importLeaders } from '../src/modules/supervision/leaders.service.ts';
import { TasksService } from '../src/modules/supervision/tasks.service.ts';

const PROVINCE = '510000000000';
/** Another account than the test's, to verify what the test's account rectified. */
const OTHER = { ...TEST_ACTOR, actor: 'os:other' };
const CITY_1 = '510100000000';
const CITY_1_ROOMS = ['R51010100200001', 'R51010100200002', 'R51010100300001', 'R51010100300002'];
const ASPECTS = ['premises', 'signage', 'equipment', 'staffing', 'work_system', 'duties', 'records'];

const refused = async (p: Promise<unknown>, code: AppError['code'], message?: RegExp) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'refused').toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (message) expect((e as AppError).message).toMatch(message);
};

for (const engine of ENGINES) {
  describe(`notifications and supervision on ${engine}`, () => {
    let db: Database;
    let notices: NotificationsService;
    let tasks: TasksService;
    let may: IssuedNotification;
    let june: IssuedNotification;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-supervision-'));
    const allTasks = async (q: { notification?: number; overdue?: boolean; date?: string } = {}) =>
      (await tasks.list(null, { date: '2019-07-01', limit: 500, offset: 0, ...q })).items;

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      notices = new NotificationsService(db, new AssessmentService(db.kysely));
      tasks = new TasksService(db);
      await updateSettings(db, TEST_ACTOR, {
        issuers: { [PROVINCE]: { name: '四川省公安厅', abbr: '川公社' } },
        deadline_days: 30,
        // One task per problem, as a province may keep them; tasks per area: tasks-by-area.test.ts.
        tasks_per: 'indicator',
      });
      const csv = path.join(dir, 'leaders.csv');
      fs.writeFileSync(csv, `地区代码,姓名,职务,电话\n${CITY_1},张伟,副局长,0851-1234567\n510500000000,李强,副局长,\n`);
      expect(await importLeaders(db, TEST_ACTOR, csv)).toBe(2);
    });
    afterAll(async () => {
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('issues a notice numbered from the pattern, with the SHA-256 of its content and a task per problem', async () => {
      may = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-05', lang: 'zh', date: '2019-06-05' });
      expect(may.entry.number).toBe('川公社〔2019〕1号');
      const stored = await notices.get(Number(may.entry.id));
      expect(stored.content).toEqual(may.content);
      expect(may.entry.content_hash).toBe(createHash('sha256').update(canonicalJson(may.content)).digest('hex'));
      expect(may.content.document.head).toEqual({ mark: '四川省公安厅文件', number: '川公社〔2019〕1号' });

      const opened = await allTasks({ notification: Number(may.entry.id) });
      expect(opened.length).toBe(may.content.problems.length);
      expect(may.tasks.opened).toBe(opened.length);
      for (const t of opened) {
        expect(t.status).toBe('open');
        expect(t.deadline).toBe('2019-07-05');
        expect(t.streak).toBe(1);
        if (t.area.code === CITY_1) expect(t.leader).toEqual({ name: '张伟', title: '副局长', phone: '0851-1234567' });
        if (t.area.code === '510200000000') expect(t.leader).toBeNull();
      }
      expect(opened.some((t) => t.area.code === CITY_1)).toBe(true);
    });

    it('refuses to issue a month twice, and the database refuses to change an issued notice', async () => {
      await refused(
        notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-05', lang: 'zh', date: '2019-06-06' }),
        'notification_already_issued',
        /川公社〔2019〕1号.*only corrected/,
      );
      await expect(
        sql`update notifications set title = 'changed' where id = ${Number(may.entry.id)}`.execute(db.kysely),
      ).rejects.toThrow(/cannot be changed/);
      expect((await notices.get(Number(may.entry.id))).entry.title).toBe(may.entry.title);
    });

    it('moves a task only along its life, and records every move', async () => {
      const [t] = await allTasks({ notification: Number(may.entry.id) });
      // Verifying is another account's (four eyes); every other move here is the test's.
      const move = (to: 'in_progress' | 'rectified' | 'verified', comment?: string) =>
        tasks.changeStatus(to === 'verified' ? OTHER : TEST_ACTOR, null, t.id, to, comment);
      await refused(move('verified'), 'task_transition', /open cannot become verified/);
      expect((await move('in_progress', '正在整改')).status).toBe('in_progress');
      expect((await move('in_progress')).status).toBe('in_progress');
      await refused(move('verified'), 'task_transition');
      expect((await move('rectified')).status).toBe('rectified');
      await refused(move('in_progress'), 'send_back_needs_comment', /why/);
      expect((await move('in_progress', '复查未通过')).status).toBe('in_progress');
      await move('rectified');
      const done = await move('verified');
      expect(done.status).toBe('verified');
      await refused(move('in_progress', 'again'), 'task_transition', /closed/);
      expect(done.events.map((e) => [e.kind, e.to_status])).toEqual([
        ['created', 'open'],
        ['status', 'in_progress'],
        ['status', 'rectified'],
        ['status', 'in_progress'],
        ['status', 'rectified'],
        ['status', 'verified'],
      ]);
      expect(done.events[1].body).toBe('正在整改');
      // The system's own events give their parts for the reader's language; people's words do not.
      expect(done.events[0]).toMatchObject({ notice: may.entry.number, file: null });
      expect(done.events[1]).toMatchObject({ notice: null, file: null });
    });

    it('judges a task overdue by the date: pending after its deadline', async () => {
      const mine = await allTasks({ notification: Number(may.entry.id) });
      const pending = mine.filter((t) => t.status === 'open' || t.status === 'in_progress');
      expect(await allTasks({ notification: Number(may.entry.id), overdue: true, date: '2019-07-05' })).toEqual([]);
      const late = await allTasks({ notification: Number(may.entry.id), overdue: true, date: '2019-07-06' });
      expect(late.map((t) => t.id).sort()).toEqual(pending.map((t) => t.id).sort());
      expect(late.every((t) => t.overdue && t.days_overdue === 1)).toBe(true);
      const verified = (await allTasks({ notification: Number(may.entry.id), date: '2019-08-01' })).find(
        (t) => t.status === 'verified',
      )!;
      expect(verified.overdue).toBe(false);
    });

    it('flags repeat problems and carries the overdue tasks into the next notice', async () => {
      june = await notices.issue(TEST_ACTOR, { area: PROVINCE, month: '2019-06', lang: 'zh', date: '2019-07-10' });
      expect(june.entry.number).toBe('川公社〔2019〕2号');
      const key = (p: { scheme: string; area_code: string; indicator: string }) =>
        `${p.scheme}:${p.area_code}:${p.indicator}`;
      const before = new Set(may.content.problems.map(key));
      const repeats = june.content.problems.filter((p) => before.has(key(p)));
      expect(repeats.length).toBeGreaterThan(0);
      for (const p of june.content.problems) expect(p.streak).toBe(before.has(key(p)) ? 2 : 1);

      const mayTasks = await allTasks({ notification: Number(may.entry.id), date: '2019-07-10' });
      const juneTasks = await allTasks({ notification: Number(june.entry.id), date: '2019-07-10' });
      for (const t of juneTasks) {
        const previous = mayTasks.find(
          (m) => m.area.code === t.area.code && m.scheme === t.scheme && m.indicator === t.indicator,
        );
        expect(t.repeat).toBe(!!previous);
        expect(t.previous_task_id).toBe(previous?.id ?? null);
      }

      const text = docxText(await renderDocument(june.content.document, 'docx'));
      const first = repeats[0];
      expect(text).toContain(`连续2个月被通报`);
      expect(text).toContain(first.area_name);
      const overdue = mayTasks.filter((t) => t.overdue);
      expect(overdue.length).toBeGreaterThan(0);
      expect(text).toContain(`逾期未完成整改${overdue.length}项`);
      const table = june.content.document.blocks.find((b) => b.type === 'table' && b.id === 'overdue');
      expect(table?.type === 'table' && table.rows.map((r) => [r[0], r[2], r[4]])).toEqual(
        overdue.map((t) => [t.area.name, '川公社〔2019〕1号', 5]),
      );
    });

    it('corrects a standing notice with a new number that references it, carrying or withdrawing its tasks', async () => {
      await refused(
        notices.issue(TEST_ACTOR, {
          area: PROVINCE,
          month: '2019-06',
          lang: 'zh',
          date: '2019-07-12',
          corrects: '川公社〔2019〕1号',
          reason: 'x',
        }),
        'correction_not_standing',
        /not the standing/,
      );
      // City 1's rooms pass their inspections after all: its standardization problem goes.
      await load(db, {
        inspections: CITY_1_ROOMS.map((unit_code) => ({
          unit_code,
          date: '2019-06-30',
          ...Object.fromEntries(ASPECTS.map((a) => [a, 'pass'])),
        })),
      });
      const dropped = (await allTasks({ notification: Number(june.entry.id) })).find(
        (t) => t.area.code === CITY_1 && t.indicator === 'standardization_rate',
      )!;
      expect(dropped).toBeDefined();

      const fixed = await notices.issue(TEST_ACTOR, {
        area: PROVINCE,
        month: '2019-06',
        lang: 'zh',
        date: '2019-07-12',
        corrects: '川公社〔2019〕2号',
        reason: '补录检查记录',
      });
      expect(fixed.entry.number).toBe('川公社〔2019〕3号');
      expect(fixed.entry.corrects).toBe('川公社〔2019〕2号');
      expect(fixed.tasks).toEqual({ opened: 0, carried: june.content.problems.length - 1, withdrawn: 1 });
      expect(docxText(await renderDocument(fixed.content.document, 'docx'))).toContain(
        '本通报更正川公社〔2019〕2号通报（更正原因：补录检查记录）',
      );

      const archive = await notices.list({ area: PROVINCE, month: '2019-06' });
      expect(archive.map((e) => [e.number, e.superseded_by])).toEqual([
        ['川公社〔2019〕3号', null],
        ['川公社〔2019〕2号', '川公社〔2019〕3号'],
      ]);
      expect((await tasks.get(null, dropped.id, '2019-07-12')).status).toBe('withdrawn');
      const carried = await allTasks({ notification: Number(fixed.entry.id) });
      expect(carried.length).toBe(june.content.problems.length - 1);
      await refused(
        notices.issue(TEST_ACTOR, {
          area: PROVINCE,
          month: '2019-06',
          lang: 'zh',
          date: '2019-07-13',
          corrects: '川公社〔2019〕2号',
          reason: 'again',
        }),
        'correction_not_standing',
      );
    });

    it('stores evidence by its SHA-256 under the size limit, and gives it back', async () => {
      process.env.OUTPOST_EVIDENCE_DIR = path.join(dir, 'evidence');
      const [t] = (await allTasks({ notification: Number(may.entry.id) })).filter((x) => x.status === 'open');
      const bytes = Buffer.from('整改前后对比照片');
      const detail = await tasks.attach(
        TEST_ACTOR,
        null,
        t.id,
        { name: '照片.jpg', bytes, content_type: 'image/jpeg' },
        '2019-06-20',
      );
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(detail.evidence).toEqual([
        expect.objectContaining({ file_name: '照片.jpg', sha256: sha, size: bytes.length }),
      ]);
      expect(fs.existsSync(path.join(dir, 'evidence', sha.slice(0, 2), sha))).toBe(true);
      expect(detail.events.at(-1)).toMatchObject({
        kind: 'evidence',
        notice: null,
        file: { name: '照片.jpg', size: bytes.length },
      });
      expect((await tasks.evidence(null, t.id, detail.evidence[0].id)).bytes.equals(bytes)).toBe(true);

      await updateSettings(db, TEST_ACTOR, { evidence_max_bytes: 1024 });
      await refused(
        tasks.attach(
          TEST_ACTOR,
          null,
          t.id,
          { name: 'big.pdf', bytes: Buffer.alloc(2000, 1), content_type: 'application/pdf' },
          '2019-06-20',
        ),
        'evidence_too_large',
        /over the evidence limit of 1,024 bytes/,
      );
      await refused(tasks.evidence(null, t.id, 999), 'evidence_not_found');
    });

    it('lets the notifying area verify a rectification, not the area that made it', async () => {
      const t = (await allTasks({ notification: Number(may.entry.id) })).find(
        (x) => x.area.code === CITY_1 && x.status === 'open',
      )!;
      const city = { area: CITY_1, unit: null, badge: null };
      await tasks.changeStatus(TEST_ACTOR, city, t.id, 'rectified', undefined);
      await refused(
        tasks.changeStatus(OTHER, city, t.id, 'verified', undefined),
        'verify_outside_scope',
        /notifying area/,
      );
      const province = { area: PROVINCE, unit: null, badge: null };
      await refused(tasks.changeStatus(TEST_ACTOR, province, t.id, 'verified', undefined), 'verify_own_rectification');
      expect((await tasks.get(null, t.id, '2019-06-20')).status).toBe('rectified');
      expect((await tasks.changeStatus(OTHER, province, t.id, 'verified', undefined)).status).toBe('verified');
      // Outside a jurisdiction a task does not exist.
      await refused(tasks.get({ area: '510200000000', unit: null, badge: null }, t.id, '2019-06-20'), 'task_not_found');
    });
  });
}
