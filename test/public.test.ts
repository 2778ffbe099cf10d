import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { solve } from '../src/modules/public/proof-of-work.ts';
import { today } from '../src/shared/clock.ts';
import { PUBLIC_LIMITS, PublicLimits } from '../src/modules/public/public-limits.ts';
import { PER_COMMUNITY_PER_DAY } from '../src/modules/public/public.service.ts';
import { importInTransaction } from '../src/modules/imports/import.service.ts';
import { sourceFromObjects } from '../src/modules/imports/sources.ts';
import { kindByName } from '../src/modules/imports/kinds/index.ts';
import { qualityReport } from '../src/modules/quality/quality.service.ts';
import { adminHeaders, ensureAccount } from './support/session.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';

for (const engine of ENGINES) {
  describe(`public pages' API on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let ctx: ReturnType<typeof createContext>;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, {
        ...TINY,
        units: TINY.units!.map((u) => (u.code === 'R1' ? { ...u, phone: '0431-88880000', hours: '08:30-17:30' } : u)),
        officers: TINY.officers!.map((o) => ({ ...o, phone: '0431-88881111' })),
      });
      // Accounts exist, so everything but the public routes needs a session.
      await ensureAccount(db, { username: 'admin', role: 'admin' });
      ctx = createContext(db);
      app = await buildApp(ctx, { web: false });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const answer = async (area: string, address: string, extra: Record<string, unknown> = {}) => {
      const { token, difficulty } = (await app.inject({ url: '/api/v1/public/challenge' })).json();
      const payload = {
        area_code: area,
        knows_officer: 'yes',
        satisfaction: 4,
        token,
        nonce: solve(token, difficulty),
        ...extra,
      };
      return app.inject({ method: 'POST', url: '/api/v1/public/surveys', payload, remoteAddress: address });
    };

    it('finds a community by name and names its officers, without a session', async () => {
      const found = (await app.inject({ url: `/api/v1/public/areas?q=${encodeURIComponent('Commun')}` })).json();
      expect(found.map((a: { code: string }) => a.code)).toEqual(['V1']);
      expect(found[0].place).toBe('City County Town');
      expect((await app.inject({ url: '/api/v1/units' })).statusCode).toBe(401);
      const { rooms } = (await app.inject({ url: '/api/v1/public/officers?area=V1' })).json();
      expect(rooms).toHaveLength(1);
      expect(rooms[0]).toMatchObject({ name: 'Room one', phone: '0431-88880000', hours: '08:30-17:30' });
      // B1 moved from R1 to R2 on 2019-06-11: today no front-line officer is posted in R1.
      expect(rooms[0].officers).toEqual([]);
      const v3 = (await app.inject({ url: '/api/v1/public/officers?area=V3' })).json();
      expect(v3.rooms[0].officers).toEqual([{ name: 'Three', role: 'resident', phone: '0431-88881111' }]);
      expect(JSON.stringify(v3)).not.toContain('B3');
    });

    it('keeps an answer apart from survey records, once per address, community and day', async () => {
      const first = await answer('V3', '10.1.1.1');
      expect(first.statusCode).toBe(201);
      expect(await db.kysely.selectFrom('surveys').select('ref').execute()).toEqual([]);
      const rows = await db.kysely.selectFrom('public_answers').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ area_code: 'V3', date: today(), knows_officer: 1, satisfaction: 4 });
      expect(JSON.stringify(rows[0])).not.toContain('10.1.1.1');
      const again = await answer('V3', '10.1.1.1');
      expect(again.statusCode).toBe(409);
      expect((await answer('V3', '10.1.1.2')).statusCode).toBe(201);
      expect((await answer('V1', '10.1.1.1')).statusCode).toBe(201);
    });

    it('refuses forged, reused and unsolved challenges, and writes nothing for them', async () => {
      const count = async () => (await db.kysely.selectFrom('public_answers').select('ref').execute()).length;
      const before = await count();
      const { token, difficulty } = (await app.inject({ url: '/api/v1/public/challenge' })).json();
      const post = (payload: Record<string, unknown>) =>
        app.inject({ method: 'POST', url: '/api/v1/public/surveys', payload, remoteAddress: '10.2.2.2' });
      const base = { area_code: 'V2', knows_officer: 'no', satisfaction: null };
      expect((await post({ ...base, token: `${token}x`, nonce: solve(token, difficulty) })).statusCode).toBe(403);
      let unsolved = 0;
      while (solve(token, difficulty) === String(unsolved)) unsolved++;
      expect((await post({ ...base, token, nonce: String(unsolved) })).statusCode).toBe(403);
      expect((await post({ ...base, token, nonce: solve(token, difficulty) })).statusCode).toBe(201);
      expect(
        (
          await post({
            area_code: 'V1',
            knows_officer: 'no',
            satisfaction: null,
            token,
            nonce: solve(token, difficulty),
          })
        ).json().error.message,
      ).toMatch(/already used/);
      expect((await post({ ...base, token: 'nonsense-but-long', nonce: '1', extra: 1 })).statusCode).toBe(400);
      expect((await post({ area_code: 'T', knows_officer: 'no', satisfaction: 3, token, nonce: '1' })).statusCode).toBe(
        404,
      );
      expect(await count()).toBe(before + 1);
    });

    /** Spends a network's allowance through a limiter of its own: the counts live in the database. */
    const spend = async (kind: 'lookup' | 'survey', addresses: (i: number) => string) => {
      const other = new PublicLimits(db);
      for (let i = 0; i < PUBLIC_LIMITS[kind]; i++) await other.take(kind, addresses(i));
    };

    it('limits look-ups per /24 network, in the database, with 429, Retry-After and a code', async () => {
      await spend('lookup', (i) => `192.0.2.${i % 250}`);
      const refused = await app.inject({ url: '/api/v1/public/officers?area=V3', remoteAddress: '192.0.2.77' });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(3600);
      expect(refused.json().error).toMatchObject({ code: 'public_rate_limited' });
      expect(refused.body).not.toContain('0431');
      for (const url of ['/api/v1/public/areas?q=Commun', '/api/v1/public/challenge'])
        expect((await app.inject({ url, remoteAddress: '192.0.2.200' })).statusCode).toBe(429);
      // An IPv4-mapped IPv6 address is the same network; the next /24 is not.
      expect(
        (await app.inject({ url: '/api/v1/public/areas?q=Commun', remoteAddress: '::ffff:192.0.2.9' })).statusCode,
      ).toBe(429);
      expect((await app.inject({ url: '/api/v1/public/areas?q=Commun', remoteAddress: '192.0.3.1' })).statusCode).toBe(
        200,
      );
      // A restart (a new process on the same database) does not reset the count.
      const again = await openDatabase(db.url);
      const restarted = await buildApp(createContext(again), { web: false });
      try {
        const after = await restarted.inject({ url: '/api/v1/public/officers?area=V3', remoteAddress: '192.0.2.1' });
        expect(after.statusCode).toBe(429);
      } finally {
        await restarted.close();
        await again.close();
      }
    });

    it('limits answers per /64 network and writes nothing for a refused one', async () => {
      await spend('survey', (i) => `2001:db8:7:7:${i.toString(16)}::1`);
      const before = await db.kysely.selectFrom('public_answers').select('ref').execute();
      const refused = await answer('V1', '2001:db8:7:7:ffff::9');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('public_rate_limited');
      expect(await db.kysely.selectFrom('public_answers').select('ref').execute()).toEqual(before);
      expect((await answer('V1', '2001:db8:7:8::1')).statusCode).toBe(201);
    });

    it("takes answers past a community's daily cap, flagged in its data quality", async () => {
      const day = today();
      const rows = Array.from({ length: PER_COMMUNITY_PER_DAY }, (_, i) => ({
        ref: `WEB-FLOOD-${i}`,
        date: day,
        area_code: 'V2',
        knows_officer: 0,
        satisfaction: 1,
        received_at: new Date().toISOString(),
      }));
      await db.kysely.insertInto('public_answers').values(rows).execute();
      // Survey records marked online are records, not the form's answers: they do not fill the cap.
      await db.transaction((tx) =>
        importInTransaction(
          tx,
          [
            sourceFromObjects('imported', kindByName('surveys')!, [
              { ...rows[0], ref: 'IMPORTED-1', knows_officer: 'no', channel: 'online' },
            ]),
          ],
          { actor: 'test', source: 'test' },
        ),
      );
      const month = day.slice(0, 7);
      expect((await qualityReport(ctx.assessment, 'V2', month)).online_surveys.past_cap).toBe(0);
      const online = async () =>
        (await db.kysely.selectFrom('public_answers').select('ref').where('area_code', '=', 'V2').execute()).length;
      const before = await online();
      expect(before).toBeGreaterThanOrEqual(PER_COMMUNITY_PER_DAY);
      const genuine = await answer('V2', '198.51.100.7');
      expect(genuine.statusCode).toBe(201);
      expect(await online()).toBe(before + 1);
      expect((await qualityReport(ctx.assessment, 'V2', month)).online_surveys.past_cap).toBe(1);
      let out = '';
      const io: Io = { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true } };
      expect(await main(['quality', '--month', month, '--area', 'V2', '--db', db.url], io)).toBe(0);
      expect(out).toContain("online answers past a community's daily cap (taken, may be a flood): 1");
    });

    it("publishes the room's phone instead of officers' own by default, as an admin sets it", async () => {
      const covering = db.kysely.selectFrom('unit_covers').select('unit_code').where('area_code', '=', 'V3');
      await db.kysely.updateTable('units').set({ phone: '0431-88883333' }).where('code', 'in', covering).execute();
      const v3 = async () =>
        (await app.inject({ url: '/api/v1/public/officers?area=V3', remoteAddress: '10.9.9.9' })).json();
      const byDefault = (await v3()).rooms[0];
      expect(byDefault).toMatchObject({ phone: '0431-88883333', phones: 'room' });
      expect(byDefault.officers).toEqual([{ name: 'Three', role: 'resident', phone: null }]);
      const headers = await adminHeaders(db);
      const put = await app.inject({
        method: 'PUT',
        url: '/api/v1/public/settings',
        headers,
        payload: { phones: 'officers' },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ phones: 'officers' });
      const refused = await app.inject({
        method: 'PUT',
        url: '/api/v1/public/settings',
        headers,
        payload: { phones: 'all' },
      });
      expect(refused.statusCode).toBe(400);
      expect((await v3()).rooms[0]).toMatchObject({
        phones: 'officers',
        officers: [{ name: 'Three', phone: '0431-88881111' }],
      });
      // The CLI sets it back.
      const file = `${os.tmpdir()}/public-settings-${process.pid}.json`;
      fs.writeFileSync(file, JSON.stringify({ phones: 'room' }));
      let out = '';
      const io: Io = { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true } };
      expect(await main(['public', 'settings', '--set', file, '--db', db.url], io)).toBe(0);
      expect(JSON.parse(out)).toEqual({ phones: 'room' });
      expect((await v3()).rooms[0].officers[0].phone).toBeNull();
    });
  });
}
