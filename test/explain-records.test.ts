/**
 * Explain down to the records, on both engines: for every area and indicator of province-51 the
 * records listed sum to what is placed at the area itself, pages cut the same list, and an
 * account sees only the records of its own subtree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { DEFAULT_SCHEMES } from '../src/modules/assessment/domain/index.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { explainRecords } from '../src/modules/assessment/explain-records.service.ts';

const MONTH = '2019-06';

for (const engine of ENGINES) {
  describe(`explain records on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let service: AssessmentService;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { web: false });
      service = new AssessmentService(db.kysely);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('lists records that sum to the own part of every area, for every indicator', async () => {
      const tree = await service.areas.tree();
      for (const [scheme, def] of Object.entries(DEFAULT_SCHEMES)) {
        for (const { name } of def.indicators) {
          let listed = 0;
          for (const area of tree.areas.keys()) {
            const e = await service.explain(area, MONTH, scheme, name);
            const r = await explainRecords(service, {
              area,
              month: MONTH,
              scheme,
              indicator: name,
              limit: 500,
              offset: 0,
            });
            expect(r.own.numerator, `${scheme} ${name} ${area}`).toBeCloseTo(e.own.numerator, 6);
            expect(r.own.denominator, `${scheme} ${name} ${area}`).toBeCloseTo(e.own.denominator, 6);
            const sum = (k: 'numerator' | 'denominator') => r.items.reduce((n, i) => n + i[k], 0);
            expect(sum('numerator')).toBeCloseTo(e.own.numerator, 6);
            expect(sum('denominator')).toBeCloseTo(e.own.denominator, 6);
            listed += r.total;
          }
          expect(listed, `${scheme} ${name} lists something somewhere`).toBeGreaterThan(0);
        }
      }
    });

    it('pages one ordered list', async () => {
      const q = { area: '510101002001', month: MONTH, scheme: 'performance', indicator: 'awareness_rate' };
      const all = await explainRecords(service, { ...q, limit: 500, offset: 0 });
      expect(all.total).toBeGreaterThan(3);
      const first = await explainRecords(service, { ...q, limit: 2, offset: 0 });
      const second = await explainRecords(service, { ...q, limit: 2, offset: 2 });
      expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));
      expect(first.own).toEqual(all.own);
      expect(all.items.every((i) => i.kind === 'surveys' && i.denominator === 1)).toBe(true);
    });

    it('answers over HTTP, refusing an unknown indicator and a scoped account outside its subtree', async () => {
      const headers = await adminHeaders(db);
      const url = (area: string, indicator = 'familiarity_rate') =>
        `/api/v1/explain/records?month=${MONTH}&area=${area}&scheme=performance&indicator=${indicator}&limit=10`;
      const ok = await app.inject({ headers, url: url('510101002000') });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ indicator: 'familiarity_rate', area: '510101002000', limit: 10, offset: 0 });
      expect((await app.inject({ headers, url: url('510101002000', 'nonsense') })).statusCode).toBe(400);
      const manager = await sessionHeaders(db, { username: 'records-manager', role: 'manager', area: '510201000000' });
      expect((await app.inject({ headers: manager, url: url('510201001000') })).statusCode).toBe(200);
      expect((await app.inject({ headers: manager, url: url('510200000000') })).statusCode).toBe(404);
      expect((await app.inject({ headers: manager, url: url('510202000000') })).statusCode).toBe(404);
    });

    it('audits a page naming officers as a read of people, and one naming none not', async () => {
      const headers = await adminHeaders(db);
      const url = (indicator: string, area = '510101002000') =>
        `/api/v1/explain/records?month=${MONTH}&area=${area}&scheme=performance&indicator=${indicator}&limit=500`;
      type Entry = { target: string; detail: string };
      const entries = async () =>
        (
          (await app.inject({ headers, url: '/api/v1/audit?action=people.read&limit=500' })).json() as {
            items: Entry[];
          }
        ).items.filter((e) => e.target === 'records of 510101002000' || e.target === 'records of 510101002001');
      const before = (await entries()).length;
      const checks = (await app.inject({ headers, url: url('familiarity_rate') })).json() as {
        items: { detail: { badge?: string } }[];
      };
      const badges = [...new Set(checks.items.map((i) => i.detail.badge))];
      expect(badges.length).toBeGreaterThan(0);
      const after = await entries();
      expect(after.length).toBe(before + 1);
      expect(JSON.parse(after[0]!.detail)).toEqual({ indicator: 'familiarity_rate', month: MONTH, badges });
      const surveys = (await app.inject({ headers, url: url('awareness_rate', '510101002001') })).json() as {
        total: number;
      };
      expect(surveys.total).toBeGreaterThan(0);
      expect((await entries()).length).toBe(before + 1);
    });

    it('stays closed to the public when aggregates are public: the records name people', async () => {
      const open = await buildApp(createContext(db), {
        web: false,
        access: { publicAggregates: true, requireAdminTotp: false },
      });
      try {
        const q = `month=${MONTH}&scheme=performance`;
        expect((await open.inject({ url: `/api/v1/rankings?${q}&within=510000000000` })).statusCode).toBe(200);
        const records = await open.inject({
          url: `/api/v1/explain/records?${q}&area=510101002001&indicator=familiarity_rate`,
        });
        expect(records.statusCode).toBe(401);
      } finally {
        await open.close();
      }
    });
  });
}
