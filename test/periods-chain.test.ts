/**
 * Periods' chain on both engines, through the API and the CLI: a county submits, its city
 * approves, the province locks and unlocks with a reason; who may act follows role and scope,
 * the approver is never the submitter, and every refusal writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES } from './support/engines.ts';
import { tinyServer } from './support/tiny-server.ts';
import type { Database } from '../src/db/database.ts';
import { main } from '../src/cli/main.ts';

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

for (const engine of ENGINES) {
  describe(`periods: the chain on ${engine}`, () => {
    let db: Database;
    let url: string;
    let app: FastifyInstance;
    const headers: Record<string, { authorization: string }> = {};

    beforeAll(async () => {
      const tiny = await tinyServer(engine);
      ({ url, db, app } = tiny);
      Object.assign(headers, tiny.headers);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const act = (who: string, action: string, body: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/periods/${action}`, headers: headers[who], payload: body });
    const board = async (within: string, who = 'admin') =>
      (await app.inject({ url: `/api/v1/periods?month=${MONTH}&within=${within}`, headers: headers[who] })).json() as {
        area: string;
        month: string;
        status: string;
        own_status: string;
        awaiting: { action: string; by: string | null } | null;
        actions: string[];
        submitted_by: string | null;
        approved_by: string | null;
      }[];
    const events = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('period_events')
            .select((e) => e.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('answers the area and its children, each open and awaiting its submitter, before anything is done', async () => {
      const rows = await board('P');
      expect(rows.map((r) => [r.area, r.month, r.status])).toEqual([
        ['P', MONTH, 'open'],
        ['C', MONTH, 'open'],
        ['C2', MONTH, 'open'],
      ]);
      expect(rows.find((r) => r.area === 'C2')!.awaiting).toMatchObject({ action: 'submit', by: 'C2' });
      expect((await board('C', 'county')).map((r) => r.area)).toEqual(['C', 'K']);
    });

    it('lets a county submit its own month, and offers the step on the board', async () => {
      expect((await board('C', 'county')).find((r) => r.area === 'K')!.actions).toEqual(['submit']);
      const res = await act('county', 'submit', { month: MONTH, area: 'K' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ area: 'K', status: 'submitted', submitted_by: 'user:county' });
      expect(res.json().awaiting).toMatchObject({ action: 'approve', by: 'C' });
    });

    it('refuses the county approving its own submission, a city outside approving it, and writes nothing', async () => {
      const before = await events();
      const own = await act('county', 'approve', { month: MONTH, area: 'K' });
      expect(own.statusCode).toBe(403);
      expect(own.json().error.message).toMatch(/approved above it, at the city level \(C\)/);
      const outside = await act('city2', 'approve', { month: MONTH, area: 'K' });
      expect(outside.statusCode).toBe(404);
      const reader = await act('analyst', 'approve', { month: MONTH, area: 'K' });
      expect(reader.statusCode).toBe(403);
      expect(await events()).toBe(before);
    });

    it('lets its city approve it, and not lock it', async () => {
      const res = await act('city', 'approve', { month: MONTH, area: 'K' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'approved', approved_by: 'user:city' });
      expect(res.json().awaiting).toMatchObject({ action: 'lock', by: 'P' });
      const lock = await act('city', 'lock', { month: MONTH, area: 'C' });
      expect(lock.statusCode).toBe(403);
      expect(lock.json().error.message).toMatch(/province level/);
    });

    it('never lets the submitter approve, not even an admin', async () => {
      expect((await act('admin', 'submit', { month: MONTH, area: 'C2' })).statusCode).toBe(200);
      const res = await act('admin', 'approve', { month: MONTH, area: 'C2' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/submitted by user:boss; its approver must be someone else/);
      expect((await act('prov', 'approve', { month: MONTH, area: 'C2' })).statusCode).toBe(200);
    });

    it('refuses a step from the wrong status and a city that does not submit', async () => {
      const again = await act('county', 'submit', { month: MONTH, area: 'K' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toMatch(/is approved; submit takes a period that is open/);
      const city = await act('admin', 'submit', { month: MONTH, area: 'C' });
      expect(city.statusCode).toBe(400);
      expect(city.json().error.message).toMatch(/C \(city\) does not submit/);
    });

    it('refuses to lock a month not yet over', async () => {
      const before = await events();
      const res = await act('prov', 'lock', { month: '2099-01', area: 'P' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/2099-01 is not over until 2099-01-31/);
      expect(await events()).toBe(before);
    });

    it('lets the province lock from any status, and reports every descendant locked', async () => {
      const res = await act('prov', 'lock', { month: MONTH, area: 'P' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'locked', own_status: 'locked', locked_by: 'user:prov' });
      for (const within of ['P', 'C', 'K', 'T'])
        for (const r of await board(within)) expect(r.status, `${within}: ${r.area}`).toBe('locked');
      const k = (await board('C')).find((r) => r.area === 'K')!;
      expect(k.own_status).toBe('approved');
      expect(k.awaiting).toBeNull();
      const locked = await act('county', 'submit', { month: MONTH, area: 'K' });
      expect(locked.statusCode).toBe(409);
    });

    it('refuses an unlock without a reason, and of a descendant of the lock', async () => {
      const bare = await act('prov', 'unlock', { month: MONTH, area: 'P' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().error.message).toMatch(/reason: unlocking a period needs a reason/);
      const blank = await act('prov', 'unlock', { month: MONTH, area: 'P', reason: '   ' });
      expect(blank.statusCode).toBe(400);
      const below = await act('admin', 'unlock', { month: MONTH, area: 'K', reason: 'late visits' });
      expect(below.statusCode).toBe(409);
      expect(below.json().error.message).toMatch(/held by the lock of P; unlock P instead/);
      expect((await board('P'))[0].status).toBe('locked');
    });

    it('unlocks with a reason, audited, with the steps in the history', async () => {
      const res = await act('prov', 'unlock', { month: MONTH, area: 'P', reason: 'late visits of June' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'approved', own_status: 'open' });
      const audit = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'period.unlock')
        .executeTakeFirstOrThrow();
      expect(audit.actor).toBe('user:prov');
      expect(JSON.parse(audit.detail!)).toMatchObject({ area: 'P', month: MONTH, reason: 'late visits of June' });
      const history = (
        await app.inject({ url: `/api/v1/periods/history?month=${MONTH}&area=K`, headers: headers.admin })
      ).json();
      expect(history.map((e: { area: string; action: string }) => `${e.area} ${e.action}`)).toEqual([
        'K submit',
        'K approve',
        'P lock',
        'P unlock',
      ]);
      expect(history[3]).toMatchObject({
        actor: 'user:prov',
        reason: 'late visits of June',
        from_status: 'locked',
        to_status: 'open',
      });
    });

    it('acts through the CLI on any area as the operator, and exits non-zero on a refusal', async () => {
      const lock = await outpost('period', 'lock', '--month', MONTH, '--area', 'K', '--db', url, '--json');
      expect(lock.code, lock.stderr).toBe(0);
      expect(JSON.parse(lock.stdout)).toMatchObject({ area: 'K', status: 'locked' });
      const bare = await outpost('period', 'unlock', '--month', MONTH, '--area', 'K', '--db', url);
      expect(bare.code).toBe(2);
      expect(bare.stderr).toMatch(/reason/);
      const city = await outpost('period', 'submit', '--month', MONTH, '--area', 'C', '--db', url);
      expect(city.code).not.toBe(0);
      const list = await outpost('period', 'list', '--month', MONTH, '--within', 'C', '--db', url, '--json');
      expect(JSON.parse(list.stdout).map((r: { area: string; status: string }) => [r.area, r.status])).toEqual([
        ['C', 'locked'],
        ['K', 'locked'],
      ]);
      const unlock = await outpost(
        'period',
        'unlock',
        '--month',
        MONTH,
        '--area',
        'K',
        '--reason',
        'a typo',
        '--db',
        url,
      );
      expect(unlock.code, unlock.stderr).toBe(0);
    });
  });
}
