import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { solve } from '../src/modules/public/proof-of-work.ts';
import { today } from '../src/shared/clock.ts';
import { ensureAccount } from './support/session.ts';

for (const engine of ENGINES) {
  describe(`public pages' API on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, {
        ...TINY,
        units: TINY.units!.map((u) => (u.code === 'R1' ? { ...u, phone: '0431-88880000', hours: '08:30-17:30' } : u)),
        officers: TINY.officers!.map((o) => ({ ...o, phone: '0431-88881111' })),
      });
      // Accounts exist, so everything but the public routes needs a session.
      await ensureAccount(db, { username: 'admin', role: 'admin' });
      app = await buildApp(createContext(db), { web: false });
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

    it('turns an answer into an online survey, once per address, community and day', async () => {
      const first = await answer('V3', '10.1.1.1');
      expect(first.statusCode).toBe(201);
      const rows = await db.kysely.selectFrom('surveys').selectAll().where('channel', '=', 'online').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ area_code: 'V3', date: today(), knows_officer: 1, satisfaction: 4 });
      expect(JSON.stringify(rows[0])).not.toContain('10.1.1.1');
      const again = await answer('V3', '10.1.1.1');
      expect(again.statusCode).toBe(409);
      expect((await answer('V3', '10.1.1.2')).statusCode).toBe(201);
      expect((await answer('V1', '10.1.1.1')).statusCode).toBe(201);
    });

    it('refuses forged, reused and unsolved challenges, and writes nothing for them', async () => {
      const count = async () =>
        (await db.kysely.selectFrom('surveys').select('ref').where('channel', '=', 'online').execute()).length;
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

    it('limits answers per address', async () => {
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await answer(['V1', 'V2', 'V3'][i % 3], '10.3.3.3')).statusCode);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(statuses.every((s) => [201, 409, 429].includes(s))).toBe(true);
    });
  });
}
