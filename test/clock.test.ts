/**
 * A server whose machine runs on UTC, at 17:00 UTC on New Year's Eve, when the province is
 * already an hour into New Year's Day: every "today" it answers is the province's (OUTPOST_TZ,
 * default Asia/Shanghai), and a day named in a filter begins at the province's midnight.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { audit } from '../src/modules/audit/audit.repository.ts';

const EVE = new Date('2019-12-31T17:00:00Z');

for (const engine of ENGINES) {
  describe(`the province's calendar on a UTC server on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    const saved = { tz: process.env.TZ, outpost: process.env.OUTPOST_TZ };
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      app = await buildApp(createContext(db), { web: false });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(EVE);
      process.env.TZ = 'UTC';
      delete process.env.OUTPOST_TZ;
    });
    afterAll(async () => {
      vi.useRealTimers();
      for (const [key, value] of [
        ['TZ', saved.tz],
        ['OUTPOST_TZ', saved.outpost],
      ] as const)
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      await app?.close();
      await db?.close();
    });

    it('answers the province’s today in meta, and counts the overview on it by default', async () => {
      const headers = await sessionHeaders(db, { username: 'clock-analyst', role: 'analyst' });
      const meta = (await app.inject({ url: '/api/v1/meta', headers })).json();
      expect(meta).toMatchObject({ today: '2020-01-01', current_month: '2020-01', time_zone: 'Asia/Shanghai' });
      const overview = (await app.inject({ url: '/api/v1/overview?area=P', headers })).json();
      expect(overview.date).toBe('2020-01-01');
    });

    it('starts a day named in an audit filter at the province’s midnight', async () => {
      // 17:00 UTC on the 31st is 01:00 on the 1st in Shanghai: it belongs to New Year's Day.
      await audit(db, { actor: 'os:clock', via: 'test', ip: null }, { action: 'clock.probe' });
      const headers = await sessionHeaders(db, { username: 'clock-auditor', role: 'auditor' });
      const on = (q: string) =>
        app
          .inject({ url: `/api/v1/audit?action=clock.probe&${q}`, headers })
          .then((r) => r.json().items.map((e: { at: string }) => e.at));
      expect(await on('since=2020-01-01')).toEqual(['2019-12-31T17:00:00.000Z']);
      expect(await on('until=2020-01-01')).toEqual([]);
      expect(await on('since=2019-12-31&until=2020-01-01')).toEqual([]);
    });
  });
}
