/**
 * Issue 16, finding 3: notification numbers are unique by construction. 吉林省 and 吉林市 both
 * numbered as 吉公社〔2019〕1号 and the second to issue got a 500 (白城市 and 白山市 the same);
 * now every issuing area derives an abbreviation of its own, settings refuse one configured
 * twice, and a number that is taken all the same is a 409 naming it. Both engines, over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { adminHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { writeSetting } from '../src/modules/notifications/notifications.repository.ts';
import { DEFAULT_SETTINGS } from '../src/modules/notifications/notification.settings.ts';

const NAMES: Record<string, string> = { P: '吉林省', C: '吉林市', K: '朝阳区', C2: '白城市', T2: '朝阳区' };

for (const engine of ENGINES) {
  describe(`notification numbers on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    beforeAll(async () => {
      db = await freshDatabase(engine);
      const areas: Record<string, string | number | null>[] = TINY.areas!.map((a) => ({
        ...a,
        name: NAMES[String(a.code)] ?? a.name,
      }));
      areas.push(
        { code: 'C3', name: '白山市', level: 'city', parent_code: 'P', urban_rural: '' },
        { code: 'T3', name: '白山镇', level: 'township', parent_code: 'C3', urban_rural: '' },
      );
      await load(db, { ...TINY, areas });
      app = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: false, requireAdminTotp: false },
      });
      headers = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const issue = (area: string, month = '2019-06') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/notifications',
        headers,
        payload: { area, month, date: '2019-07-05' },
      });

    it('numbers 吉林省 and 吉林市, 白城市 and 白山市, and two 朝阳区 apart', async () => {
      const numbers: Record<string, string> = {};
      for (const area of ['P', 'C', 'C2', 'C3', 'K', 'T2']) {
        const res = await issue(area);
        expect(res.statusCode, `${area}: ${res.body}`).toBe(201);
        numbers[area] = res.json().notification.number;
      }
      expect(numbers).toEqual({
        P: '吉公社〔2019〕1号',
        C: '吉林市公社〔2019〕1号',
        C2: '白城市公社〔2019〕1号',
        C3: '白山市公社〔2019〕1号',
        K: '朝阳区公社（K）〔2019〕1号',
        T2: '朝阳区公社（T2）〔2019〕1号',
      });
    });

    it('refuses settings that give two issuers one abbreviation, and a pattern without {abbr} or {year}', async () => {
      const put = (payload: object) =>
        app.inject({ method: 'PUT', url: '/api/v1/notifications/settings', headers, payload });
      const twice = await put({
        issuers: { C: { name: '吉林市公安局', abbr: '吉公社' }, P: { name: '吉林省公安厅', abbr: '吉公社' } },
      });
      expect(twice.statusCode, twice.body).toBe(409);
      expect(twice.json().error).toEqual(
        expect.objectContaining({ code: 'issuer_abbr_taken', params: expect.objectContaining({ abbr: '吉公社' }) }),
      );
      const pattern = await put({ number_pattern: '第{seq}号' });
      expect(pattern.statusCode).toBe(400);
      expect(JSON.stringify(pattern.json().error.params)).toContain('pattern_needs_abbr_year');
    });

    it('answers a number taken all the same with a 409 that names it, never a 500', async () => {
      // Settings stored behind the service's back (an old database, a hand edit) that clash.
      const clash = { ...DEFAULT_SETTINGS, issuers: { C: { name: '甲', abbr: '同' }, C2: { name: '乙', abbr: '同' } } };
      await writeSetting(db.kysely, 'notifications', JSON.stringify(clash), '2019-07-01T00:00:00Z', 'test');
      expect((await issue('C', '2019-05')).statusCode).toBe(201);
      const second = await issue('C2', '2019-05');
      expect(second.statusCode, second.body).toBe(409);
      expect(second.json().error).toEqual(
        expect.objectContaining({
          code: 'notification_number_taken',
          params: { number: '同〔2019〕2号', area: 'C2' },
        }),
      );
      // Nothing of the refused notice was kept: C2's May has no notice and no task.
      const list = await app.inject({ url: '/api/v1/notifications?area=C2', headers });
      expect(list.json().map((n: { month: string }) => n.month)).toEqual(['2019-06']);
    });
  });
}
