/**
 * Channels on both engines, against real receivers on loopback: each format delivered and checked
 * as the robot's documentation describes it (DingTalk's signature included), email through a real
 * SMTP server with a password, retries with backoff (a 500, and a 200 whose errcode is not 0) with
 * the same event id, a failing channel that holds up no other, a robot's pace, an area's subtree
 * and chosen events, accounts' subscriptions and quiet hours, and secrets never shown back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import { DINGTALK_SECRET, DINGTALK_TOKEN, MailCatcher, Robots, WECOM_KEY } from './support/receivers.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import { announce } from '../src/modules/channels/announce.ts';
import { dispatch } from '../src/modules/channels/dispatcher.ts';
import type { AnnouncedEvent, EventName } from '../src/modules/channels/events.ts';
import type { ChannelInput } from '#core/contracts/channels.schema.ts';

let robots: Robots;
let mail: MailCatcher;
let serial = 0;

beforeAll(async () => {
  robots = await new Robots().start();
  mail = await new MailCatcher().start();
});
afterAll(async () => {
  await robots?.stop();
  await mail?.stop();
});

function event(name: EventName, area: string | null, extra: Partial<AnnouncedEvent> = {}): AnnouncedEvent {
  const n = ++serial;
  return {
    id: `${name}:${area ?? 'none'}:test-${n}`,
    name,
    area,
    month: '2019-06',
    title: { zh: `测试事件 ${n}`, en: `Test event ${n}` },
    text: { zh: `第${n}个事件的正文。`, en: `The text of event ${n}.` },
    link: '/notifications?area=P&month=2019-06',
    data: { n },
    ...extra,
  };
}

const seconds = (at: Date, s: number) => new Date(at.getTime() + s * 1000);

for (const engine of ENGINES) {
  describe(`channels on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let admin: { authorization: string };

    async function say(events: AnnouncedEvent[], now = new Date()) {
      return db.transaction((tx) => announce(tx, events, { day: '2019-07-05', now, runId: null }));
    }

    async function addChannel(input: Omit<ChannelInput, 'name'> & { name?: string }): Promise<string> {
      const name = input.name ?? `ch-${++serial}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: admin,
        payload: { ...input, name },
      });
      expect(res.statusCode, res.body).toBe(201);
      return name;
    }

    async function deliveriesOf(channel: string) {
      const res = await app.inject({ url: `/api/v1/deliveries?channel=${channel}&limit=500`, headers: admin });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        id: number;
        status: string;
        attempts: number;
        event_id: string;
        recipient: string;
        last_error: string | null;
        next_at: string | null;
      }[];
    }

    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      admin = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('delivers each format to a receiver that checks it as the robot’s documentation describes it', async () => {
      const before = robots.received.length;
      const mailsBefore = mail.messages.length;
      const json = await addChannel({ kind: 'webhook', format: 'json', url: `${robots.base}/hook`, area: 'K' });
      await addChannel({ kind: 'webhook', format: 'wecom', url: robots.wecomUrl, area: 'K' });
      await addChannel({
        kind: 'webhook',
        format: 'dingtalk',
        url: robots.dingtalkUrl,
        secret: DINGTALK_SECRET,
        area: 'K',
        lang: 'en',
      });
      await addChannel({ kind: 'sms', url: `${robots.base}/sms`, to: ['13800000001'], area: 'K' });
      await addChannel({
        kind: 'email',
        smtp: mail.url(),
        from: 'outpost@example.cn',
        to: ['desk@example.cn'],
        area: 'K',
      });
      const e = event('notification.drafted', 'T');
      expect(await say([e])).toEqual({ events: 1, deliveries: 5 });
      const report = await dispatch(db);
      expect(report).toMatchObject({ sent: 5, retrying: 0, failed: 0 });

      const got = robots.received.slice(before);
      expect(got.map((r) => [r.path, r.status, (r.answer as { errcode: number }).errcode]).sort()).toEqual(
        [
          ['/cgi-bin/webhook/send', 200, 0],
          ['/hook', 200, 0],
          ['/robot/send', 200, 0],
          ['/sms', 200, 0],
        ].sort(),
      );
      const hook = got.find((r) => r.path === '/hook')!.body;
      expect(hook).toMatchObject({
        event: 'notification.drafted',
        area: 'T',
        month: '2019-06',
        id: e.id,
        title: e.title.zh,
      });
      const wecom = got.find((r) => r.path === '/cgi-bin/webhook/send')!;
      expect(wecom.query.get('key')).toBe(WECOM_KEY);
      expect(wecom.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining(`**${e.title.zh}**`) },
      });
      const ding = got.find((r) => r.path === '/robot/send')!;
      expect(ding.query.get('access_token')).toBe(DINGTALK_TOKEN);
      expect(ding.query.get('sign')).toBeTruthy();
      expect(ding.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: e.title.en, text: expect.stringContaining(e.text.en) },
      });
      expect(got.find((r) => r.path === '/sms')!.body).toMatchObject({
        id: e.id,
        to: ['13800000001'],
        text: expect.stringContaining(e.title.zh),
      });

      const m = mail.messages.slice(mailsBefore);
      expect(m).toHaveLength(1);
      expect(m[0].subject).toBe(e.title.zh);
      expect(m[0].text).toContain(e.text.zh);
      expect(m[0].text).toContain(e.id);
      expect(m[0].headers.get('x-outpost-event')).toBe(e.id);
      expect((m[0].to as { text: string }).text).toBe('desk@example.cn');
      expect(mail.logins).toContain('outpost');
      expect((await deliveriesOf(json))[0]).toMatchObject({ status: 'sent', attempts: 1, event_id: e.id });

      // Announced again (a job run twice), nothing new is stored or sent.
      expect(await say([e])).toEqual({ events: 0, deliveries: 0 });
      expect(await dispatch(db)).toMatchObject({ sent: 0 });
      expect(robots.received.length - before).toBe(4);
    });

    it('retries a failing channel with backoff, also after a 200 whose errcode is not 0, with the same id', async () => {
      const t0 = new Date();
      const json = await addChannel({ kind: 'webhook', format: 'json', url: `${robots.base}/hook`, area: 'C2' });
      const wecom = await addChannel({ kind: 'webhook', format: 'wecom', url: robots.wecomUrl, area: 'C2' });
      const ding = await addChannel({
        kind: 'webhook',
        format: 'dingtalk',
        url: robots.dingtalkUrl,
        secret: DINGTALK_SECRET,
        area: 'C2',
      });
      robots.refuse.set('/hook', [{ status: 500 }]);
      robots.refuse.set('/cgi-bin/webhook/send', [
        { errcode: 310000, errmsg: 'keywords not in content' },
        { errcode: 93000, errmsg: 'invalid webhook url' },
      ]);
      robots.refuse.set('/robot/send', [{ errcode: 130101, errmsg: 'send too fast' }]);
      const e = event('task.reminder', 'V3');
      await say([e], t0);
      const before = robots.received.length;

      expect(await dispatch(db, { now: () => t0 })).toMatchObject({ sent: 0, retrying: 3 });
      const [w1] = await deliveriesOf(wecom);
      expect(w1).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_error: 'errcode 310000: keywords not in content',
      });
      expect(w1.next_at).toBe(seconds(t0, 30).toISOString());
      // DingTalk's "send too fast" waits out its minute.
      expect((await deliveriesOf(ding))[0].next_at).toBe(seconds(t0, 60).toISOString());
      expect((await deliveriesOf(json))[0]).toMatchObject({ last_error: 'HTTP 500' });

      // Nothing is due before its backoff ends.
      expect(await dispatch(db, { now: () => seconds(t0, 29) })).toMatchObject({ sent: 0, retrying: 0 });
      expect(await dispatch(db, { now: () => seconds(t0, 30) })).toMatchObject({ sent: 1, retrying: 1 });
      expect((await deliveriesOf(json))[0]).toMatchObject({ status: 'sent', attempts: 2 });
      expect((await deliveriesOf(wecom))[0]).toMatchObject({
        status: 'pending',
        attempts: 2,
        next_at: seconds(t0, 90).toISOString(),
      });
      expect(await dispatch(db, { now: () => seconds(t0, 90) })).toMatchObject({ sent: 2 });
      for (const name of [wecom, ding])
        expect((await deliveriesOf(name))[0]).toMatchObject({ status: 'sent', last_error: null });

      const hooks = robots.received.slice(before).filter((r) => r.path === '/hook');
      expect(hooks.map((r) => r.status)).toEqual([500, 200]);
      expect(new Set(hooks.map((r) => r.body.id))).toEqual(new Set([e.id]));
      const attempts = await db.kysely
        .selectFrom('delivery_attempts as a')
        .innerJoin('deliveries as d', 'd.id', 'a.delivery_id')
        .select(['a.ok', 'a.error'])
        .where('d.event_id', '=', e.id)
        .orderBy('a.id')
        .execute();
      expect(attempts.filter((a) => Number(a.ok) === 1)).toHaveLength(3);
      expect(attempts.filter((a) => Number(a.ok) === 0)).toHaveLength(4);
    });

    it('keeps a failing channel from holding up another', async () => {
      const closed = await new Robots().start();
      const dead = closed.base;
      await closed.stop();
      const bad = await addChannel({
        kind: 'webhook',
        format: 'json',
        url: `${dead}/hook`,
        events: ['quality.digest'],
      });
      const good = await addChannel({
        kind: 'webhook',
        format: 'json',
        url: `${robots.base}/hook`,
        events: ['quality.digest'],
      });
      await say([event('quality.digest', 'P'), event('quality.digest', 'P')]);
      const report = await dispatch(db);
      expect(report).toMatchObject({ sent: 2, retrying: 2 });
      expect((await deliveriesOf(good)).map((d) => d.status)).toEqual(['sent', 'sent']);
      expect((await deliveriesOf(bad)).map((d) => d.status)).toEqual(['pending', 'pending']);
      expect((await deliveriesOf(bad))[0].last_error).toMatch(/fetch failed|ECONNREFUSED/);
    });

    it('paces a robot at its messages a minute', async () => {
      const t0 = new Date();
      const wecom = await addChannel({
        kind: 'webhook',
        format: 'wecom',
        url: robots.wecomUrl,
        events: ['backup.completed'],
        per_minute: 2,
      });
      await say(
        [1, 2, 3].map(() => event('backup.completed', null)),
        t0,
      );
      expect(await dispatch(db, { now: () => t0 })).toMatchObject({ sent: 2, postponed: 1 });
      const waiting = (await deliveriesOf(wecom)).find((d) => d.status === 'pending')!;
      expect(waiting.attempts).toBe(0);
      expect(waiting.next_at).toBe(seconds(t0, 60).toISOString());
      expect(await dispatch(db, { now: () => seconds(t0, 60) })).toMatchObject({ sent: 1 });
    });

    it('limits a channel to an area’s subtree and to the events it chose', async () => {
      const name = await addChannel({
        kind: 'webhook',
        format: 'json',
        url: `${robots.base}/hook`,
        area: 'C2',
        events: ['task.escalated'],
      });
      await say([
        event('task.escalated', 'V1'),
        event('task.escalated', 'T2'),
        event('notification.drafted', 'T2'),
        event('task.escalated', null),
      ]);
      const got = await deliveriesOf(name);
      expect(got).toHaveLength(1);
      expect(got[0].event_id).toMatch(/^task\.escalated:T2:/);
    });

    it('brings an account its own subscriptions, within its jurisdiction, after its quiet hours', async () => {
      const personal = await addChannel({ kind: 'email', smtp: mail.url(), personal: true, name: 'personal-mail' });
      const manager = await sessionHeaders(db, { username: 'mgr-c', role: 'manager', area: 'C' });
      const officer = await sessionHeaders(db, { username: 'off-b3', role: 'officer', badge: 'B3' });
      // The officer's role does not give tasks:read, so it is not offered task reminders.
      const mine = await app.inject({ url: '/api/v1/subscriptions', headers: officer });
      expect(mine.json().channels[0].events).not.toContain('task.reminder');
      const refused = await app.inject({
        method: 'PUT',
        url: '/api/v1/subscriptions',
        headers: officer,
        payload: { email: 'b3@example.cn', subscriptions: [{ channel: personal, events: ['task.reminder'] }] },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toContain('subscriptions.0.events');
      // Without an address there is nothing to send to.
      const noEmail = await app.inject({
        method: 'PUT',
        url: '/api/v1/subscriptions',
        headers: manager,
        payload: { subscriptions: [{ channel: personal, events: null }] },
      });
      expect(noEmail.statusCode).toBe(400);
      const set = await app.inject({
        method: 'PUT',
        url: '/api/v1/subscriptions',
        headers: manager,
        payload: {
          email: 'li.ming@example.cn',
          quiet_from: '22:00',
          quiet_until: '07:00',
          subscriptions: [{ channel: personal, events: ['task.reminder'] }],
        },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({
        email: 'li.ming@example.cn',
        quiet_from: '22:00',
        channels: [{ name: personal, subscribed: true, chosen: ['task.reminder'] }],
      });

      const inside = event('task.reminder', 'K');
      await say([inside, event('task.reminder', 'C2'), event('quality.digest', 'K')]);
      const mine2 = (await deliveriesOf(personal)).filter((d) => d.recipient === 'mgr-c');
      expect(mine2.map((d) => d.event_id)).toEqual([inside.id]);

      const only = mine2.map((d) => d.id);
      const late = new Date('2030-01-01T15:30:00Z'); // 23:30 in Shanghai
      expect(await dispatch(db, { now: () => late, only })).toMatchObject({ postponed: 1, sent: 0 });
      expect((await deliveriesOf(personal))[0].next_at).toBe('2030-01-01T23:00:00.000Z');
      const before = mail.messages.length;
      expect(await dispatch(db, { now: () => new Date('2030-01-01T23:00:00Z'), only })).toMatchObject({ sent: 1 });
      expect(mail.messages.slice(before).map((m) => (m.to as { text: string }).text)).toEqual(['li.ming@example.cn']);
    });

    it('never shows a channel’s secrets back, in answers, listings, the CLI or the audit', async () => {
      const smtp = mail.url('a-very-secret-smtp-password');
      const name = await addChannel({ kind: 'email', smtp, to: ['x@example.cn'] });
      const list = await app.inject({ url: '/api/v1/channels', headers: admin });
      const body = list.body;
      for (const secret of [WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, 'a-very-secret-smtp-password', mail.password])
        expect(body).not.toContain(secret);
      const ours = list.json().find((c: { name: string }) => c.name === name);
      expect(ours.smtp).toBe(`smtp://outpost:***@127.0.0.1:${mail.port}`);
      expect(list.json().find((c: { format: string }) => c.format === 'dingtalk')).toMatchObject({
        has_secret: true,
        url: `${robots.base}/robot/send?access_token=***`,
      });
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('action', 'like', 'channel.%')
        .execute();
      expect(audit.length).toBeGreaterThan(5);
      for (const secret of [WECOM_KEY, DINGTALK_TOKEN, DINGTALK_SECRET, 'a-very-secret-smtp-password', mail.password])
        expect(JSON.stringify(audit)).not.toContain(secret);
      let out = '';
      const code = await main(['channel', 'list', '--db', db.url], {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      expect(out).toContain(name);
      for (const secret of [WECOM_KEY, DINGTALK_TOKEN, 'a-very-secret-smtp-password'])
        expect(out).not.toContain(secret);
      // A wrong password: the failure is told without the password.
      const test = await app.inject({ method: 'POST', url: `/api/v1/channels/${name}/test`, headers: admin });
      expect(test.json()).toMatchObject({ ok: false });
      expect(test.body).not.toContain('a-very-secret-smtp-password');
    });

    it('refuses a channel named twice or described wrongly, saying where, and removes one', async () => {
      const name = await addChannel({
        kind: 'webhook',
        format: 'json',
        url: `${robots.base}/hook`,
        events: ['job.failed'],
      });
      const again = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: admin,
        payload: { name, kind: 'webhook', format: 'json', url: `${robots.base}/hook` },
      });
      expect(again.statusCode).toBe(409);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/channels',
        headers: admin,
        payload: { name: 'x', kind: 'webhook', url: 'ftp://nowhere', events: ['no.such'] },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toMatch(/url/);
      const test = await app.inject({ method: 'POST', url: `/api/v1/channels/${name}/test`, headers: admin });
      expect(test.json()).toMatchObject({ ok: true, error: null });
      const removed = await app.inject({ method: 'DELETE', url: `/api/v1/channels/${name}`, headers: admin });
      expect(removed.statusCode).toBe(204);
      expect((await app.inject({ method: 'DELETE', url: `/api/v1/channels/${name}`, headers: admin })).statusCode).toBe(
        404,
      );
    });
  });
}
