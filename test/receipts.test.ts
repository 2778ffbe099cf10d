/**
 * Issue 19 on both engines, through the API and the CLI: accounts' display names shown for the
 * issuer and the signer; a notice issued with its date, deadline and signer, provisional until
 * its areas are locked; receipts signed for by the receiving areas only, once; reminders only to
 * those that have not signed, by hand and by the scheduled job; and the 待办 list before and
 * after. Every refusal writes nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES } from './support/engines.ts';
import { tinyServer } from './support/tiny-server.ts';
import type { Database } from '../src/db/database.ts';
import { main } from '../src/cli/main.ts';
import { receiptRemindersJob } from '../src/modules/schedule/jobs/receipt-reminders.job.ts';
import { DEFAULT_SCHEDULE_SETTINGS } from '../src/modules/schedule/schedule.settings.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';

const MONTH = '2019-06';

async function outpost(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

interface Receipts {
  receipts: { area: string; signed: boolean; signed_by: string | null; reminders: number }[];
  can_sign: string | null;
  can_remind: boolean;
  history: { action: string; areas: string[]; by: string }[];
}

for (const engine of ENGINES) {
  describe(`receipts, names and 待办 on ${engine}`, () => {
    let db: Database;
    let url: string;
    let app: FastifyInstance;
    let id = 0;
    const headers: Record<string, { authorization: string }> = {};

    beforeAll(async () => {
      const tiny = await tinyServer(engine);
      ({ url, db, app } = tiny);
      Object.assign(headers, tiny.headers);
    });
    afterEach(() => vi.useRealTimers());
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const call = (who: string, method: 'GET' | 'POST' | 'PATCH', u: string, payload?: unknown) =>
      app.inject({ method, url: `/api/v1${u}`, headers: headers[who], payload: payload as never });
    const count = async (table: 'notifications' | 'notification_events' | 'notification_receipts' | 'events') =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const receipts = async (who = 'prov') =>
      (await call(who, 'GET', `/notifications/${id}/receipts`)).json() as Receipts;
    /** The account's 待办 items of periods and receipts (the tasks' and appeals' are tested with them). */
    const todo = async (who: string) =>
      (
        (await call(who, 'GET', '/todo')).json() as { items: { kind: string; key: string; area: string }[] }
      ).items.filter((i) => /^(period_|notice_sign)/.test(i.kind));
    /** Today is 2019-07-06 on the server's clock: the month to report is 2019-06. */
    const july = () => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2019-07-06T02:00:00Z') });

    it('names accounts: an admin sets a display name, a bad email is refused and changes nothing', async () => {
      const ok = await call('admin', 'PATCH', '/users/prov', { name: '王建国', phone: '+86 431 8888 0000' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ username: 'prov', name: '王建国', phone: '+86 431 8888 0000' });
      const bad = await call('admin', 'PATCH', '/users/prov', { name: '别人', email: 'not an email' });
      expect(bad.statusCode).toBe(400);
      const row = await db.kysely.selectFrom('accounts').selectAll().where('username', '=', 'prov').executeTakeFirst();
      expect(row).toMatchObject({ display_name: '王建国', email: null });
      expect((await call('prov', 'PATCH', '/users/prov', { name: 'me' })).statusCode).toBe(403);
      const cli = await outpost('user', 'name', '--db', url, '--username', 'city', '--name', '张伟');
      expect(cli.code).toBe(0);
    });

    it("lists a period to submit in the county's 待办, then to approve in the city's, and drops each once done", async () => {
      july();
      expect((await todo('county')).map((i) => i.key)).toEqual(['period_submit:K:2019-06']);
      expect(await todo('city')).toEqual([]);
      vi.useRealTimers();
      expect((await call('county', 'POST', '/periods/submit', { area: 'K', month: MONTH })).statusCode).toBe(200);
      july();
      expect(await todo('county')).toEqual([]);
      expect((await todo('city')).map((i) => [i.kind, i.area])).toEqual([['period_approve', 'K']]);
      vi.useRealTimers();
      expect((await call('city', 'POST', '/periods/approve', { area: 'K', month: MONTH })).statusCode).toBe(200);
      july();
      expect(await todo('city')).toEqual([]);
      vi.useRealTimers();
      // The board and the history show who acted by name, never `user:city`.
      const board = (await call('city', 'GET', `/periods?month=${MONTH}&within=C`)).json() as {
        area: string;
        acted_by: Record<string, string | null>;
      }[];
      expect(board.find((r) => r.area === 'K')?.acted_by).toEqual({
        submitted: 'county',
        approved: '张伟',
        locked: null,
      });
      const history = (await call('city', 'GET', `/periods/history?month=${MONTH}&area=K`)).json() as {
        actor_name: string;
      }[];
      expect(history.map((e) => e.actor_name)).toEqual(['county', '张伟']);
    });

    it('refuses a deadline not after the date, and a date inside the month, writing nothing', async () => {
      const early = await call('prov', 'POST', '/notifications', {
        area: 'P',
        month: MONTH,
        date: '2019-07-05',
        deadline: '2019-07-05',
      });
      expect(early.statusCode, early.body).toBe(400);
      expect(early.json().error.params.issues[0]).toMatchObject({
        at: 'deadline',
        code: 'notification_deadline_early',
      });
      const inside = await call('prov', 'POST', '/notifications', { area: 'P', month: MONTH, date: '2019-06-15' });
      expect(inside.json().error.code).toBe('notification_date_early');
      expect(await count('notifications')).toBe(0);
      expect(await count('notification_receipts')).toBe(0);
    });

    it('says a draft on unlocked figures is provisional, and drops the word once the month is locked', async () => {
      const draft = async () =>
        (
          (
            await call('prov', 'GET', `/notifications/preview?area=P&month=${MONTH}&date=2019-07-05&format=json`)
          ).json() as {
            document: { blocks: { type: string; text?: string }[] };
          }
        ).document.blocks[0].text;
      expect(await draft()).toMatch(/临时数据/);
      expect((await call('prov', 'POST', '/periods/lock', { area: 'P', month: MONTH })).statusCode).toBe(200);
      expect(await draft()).not.toMatch(/临时数据/);
    });

    it('issues with date, deadline and signer; the issuer is shown by name; every ranked area gets a receipt', async () => {
      const res = await call('prov', 'POST', '/notifications', {
        area: 'P',
        month: MONTH,
        date: '2019-07-05',
        deadline: '2019-07-25',
        signer: '李四',
      });
      expect(res.statusCode).toBe(201);
      const entry = res.json().notification;
      id = entry.id;
      expect(entry).toMatchObject({ issued_by: 'user:prov', issued_by_name: '王建国', issued_on: '2019-07-05' });
      const notice = (await call('prov', 'GET', `/notifications/${id}`)).json();
      expect(notice.content.document.head.signer).toBe('李四');
      expect(JSON.stringify(notice.content.document.blocks)).not.toMatch(/临时数据/);
      const md = await call('prov', 'GET', `/notifications/${id}?format=md`);
      expect(md.body).toContain('签发人：李四');
      const r = await receipts();
      expect(r.receipts.map((x) => [x.area, x.signed])).toEqual([
        ['C', false],
        ['C2', false],
      ]);
      expect(r.can_remind).toBe(true);
      // Each receiving area's new 待办 item is announced to the channels.
      const announced = await db.kysely
        .selectFrom('events')
        .select(['id', 'area_code'])
        .where('name', '=', 'receipt.requested')
        .orderBy('area_code')
        .execute();
      expect(announced).toEqual([
        { id: `receipt.requested:${id}:C`, area_code: 'C' },
        { id: `receipt.requested:${id}:C2`, area_code: 'C2' },
      ]);
      expect(r.history).toEqual([expect.objectContaining({ action: 'issue', areas: ['C', 'C2'], by: '王建国' })]);
    });

    it("lists each receipt in its own city's 待办 only", async () => {
      july();
      expect((await todo('city')).map((i) => i.key)).toEqual([`notice_sign:${id}:C`]);
      expect((await todo('city2')).map((i) => i.key)).toEqual([`notice_sign:${id}:C2`]);
      expect(await todo('admin')).toEqual([]);
    });

    it('refuses signing for another area, for an area the notice does not rank, and twice', async () => {
      const before = await count('notification_events');
      const other = await call('city2', 'POST', `/notifications/${id}/receipts/C`);
      expect(other.statusCode).toBe(403);
      expect(other.json().error).toMatchObject({ code: 'receipt_not_yours', params: { area: 'C', own: 'C2' } });
      // The county does not see the province's notice at all: it does not exist for it.
      expect((await call('county', 'POST', `/notifications/${id}/receipts/C`)).statusCode).toBe(404);
      const notReceiver = await call('city', 'POST', `/notifications/${id}/receipts/P`);
      expect(notReceiver.statusCode).toBe(404);
      expect(notReceiver.json().error.code).toBe('receipt_not_receiver');
      expect(await count('notification_events')).toBe(before);

      const signed = await call('city', 'POST', `/notifications/${id}/receipts/C`);
      expect(signed.statusCode).toBe(200);
      expect(signed.json().receipts[0]).toMatchObject({ area: 'C', signed: true, signed_by: '张伟' });
      const twice = await call('city', 'POST', `/notifications/${id}/receipts/C`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error).toMatchObject({ code: 'receipt_already_signed', params: { signed_by: '张伟' } });
      expect(await count('notification_events')).toBe(before + 1);
      july();
      expect(await todo('city')).toEqual([]);
    });

    it('refuses a reminder to an area already signed and one from below the issuing level; chases the other', async () => {
      const events = await count('events');
      const signed = await call('prov', 'POST', `/notifications/${id}/reminders`, { areas: ['C2', 'C'] });
      expect(signed.statusCode).toBe(409);
      expect(signed.json().error).toMatchObject({ code: 'reminder_already_signed', params: { areas: ['C'] } });
      expect((await call('city', 'POST', `/notifications/${id}/reminders`, { areas: ['C2'] })).statusCode).toBe(403);
      expect((await call('prov', 'POST', `/notifications/${id}/reminders`, { areas: [] })).statusCode).toBe(400);
      expect(await count('events')).toBe(events);

      const ok = await call('prov', 'POST', `/notifications/${id}/reminders`, { areas: ['C2'] });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ reminded: ['C2'], events: 1 });
      expect(await count('events')).toBe(events + 1);
      const r = await receipts('city2');
      expect(r.receipts[1]).toMatchObject({ area: 'C2', signed: false, reminders: 1 });
      expect(r.can_sign).toBe('C2');
      expect(r.history.map((h) => h.action)).toEqual(['issue', 'sign', 'remind']);
    });

    it('chases unsigned receipts the set days after issue, once a day', async () => {
      const ctx = {
        db,
        assessment: new AssessmentService(db.kysely),
        settings: DEFAULT_SCHEDULE_SETTINGS,
        tz: 'Asia/Shanghai',
        now: new Date(),
      };
      const first = await receiptRemindersJob.run(ctx, '2019-07-08');
      expect(first.events.map((e) => [e.name, e.area])).toEqual([['receipt.reminder', 'C2']]);
      expect((await receiptRemindersJob.run(ctx, '2019-07-08')).events).toEqual([]);
      expect((await receiptRemindersJob.run(ctx, '2019-07-09')).events).toEqual([]);
    });

    it('signs from the CLI and lists the receipts', async () => {
      const signed = await outpost('notify', 'sign', '--db', url, '--id', String(id), '--area', 'C2');
      expect(signed.code).toBe(0);
      const again = await outpost('notify', 'sign', '--db', url, '--id', String(id), '--area', 'C2');
      expect(again.code).not.toBe(0);
      expect(again.stderr).toMatch(/already signed/);
      const list = await outpost('notify', 'receipts', '--db', url, '--id', String(id), '--json');
      expect(JSON.parse(list.stdout).receipts.every((r: { signed: boolean }) => r.signed)).toBe(true);
    });
  });
}
