import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderError } from '#core/errors/registry.ts';
import type { FastifyInstance } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { DEFAULT_SCHEMES } from '../src/modules/assessment/domain/index.ts';
import { adminHeaders } from './support/session.ts';

const PROVINCE = '510000000000';
const MONTH = '2019-06';

for (const engine of ENGINES) {
  describe(`HTTP API on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db), { web: false });
      headers = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const get = async (url: string) => {
      const res = await app.inject({ headers, url });
      return { status: res.statusCode, body: res.json() };
    };

    it('answers health when ready', async () => {
      expect((await get('/api/v1/health')).status).toBe(200);
    });

    it('gives the overview of an area on a day', async () => {
      const { status, body } = await get(`/api/v1/overview?area=${PROVINCE}&date=2019-06-30`);
      expect(status).toBe(200);
      expect(Object.keys(body.units)).toEqual(['bureau', 'station', 'community_room', 'rural_office']);
      expect(body.units.community_room).toBeGreaterThan(0);
      const city = await get(`/api/v1/overview?area=510100000000&date=2019-06-30`);
      expect(city.body.units.community_room).toBeLessThan(body.units.community_room);
    });

    it('explains a figure as the sum of its children and its own part', async () => {
      for (const [scheme, def] of Object.entries(DEFAULT_SCHEMES)) {
        for (const { name } of def.indicators) {
          const { body: e } = await get(
            `/api/v1/explain?month=${MONTH}&area=${PROVINCE}&scheme=${scheme}&indicator=${name}`,
          );
          const { body: ind } = await get(`/api/v1/indicators?month=${MONTH}&area=${PROVINCE}&scheme=${scheme}`);
          const sum = (k: 'numerator' | 'denominator') =>
            e.children.reduce((n: number, c: Record<string, number>) => n + c[k], e.own[k]);
          expect(sum('numerator')).toBeCloseTo(ind.indicators[name].numerator, 6);
          expect(sum('denominator')).toBeCloseTo(ind.indicators[name].denominator, 6);
        }
      }
    });

    it('previews a ranking under an edited scheme without saving it', async () => {
      const scheme = DEFAULT_SCHEMES.performance;
      const settings = (weightOf: (name: string) => number) =>
        Object.fromEntries(
          scheme.indicators.map((d) => [
            d.name,
            { weight: weightOf(d.name), floor: d.floor, target: d.target, better: d.better },
          ]),
        );
      const same = await app.inject({
        headers,
        method: 'POST',
        url: `/api/v1/rankings/preview?month=${MONTH}&within=${PROVINCE}`,
        payload: {
          scheme: 'performance',
          indicators: settings((n) => scheme.indicators.find((d) => d.name === n)!.weight),
        },
      });
      const { body: current } = await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`);
      expect(same.json()).toEqual(current);
      const onlyCrime = await app.inject({
        headers,
        method: 'POST',
        url: `/api/v1/rankings/preview?month=${MONTH}&within=${PROVINCE}`,
        payload: { scheme: 'performance', indicators: settings((n) => (n === 'crime_rate' ? 1 : 0)) },
      });
      const rows = onlyCrime.json() as { composite: number; code: string }[];
      for (const row of rows) {
        const { body } = await get(`/api/v1/indicators?month=${MONTH}&area=${row.code}&scheme=performance`);
        expect(row.composite).toBeCloseTo(body.indicators.crime_rate.score, 9);
      }
      expect((await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`)).body).toEqual(
        current,
      );
      const bad = await app.inject({
        headers,
        method: 'POST',
        url: `/api/v1/rankings/preview?month=${MONTH}&within=${PROVINCE}`,
        payload: {
          scheme: 'performance',
          indicators: { nonsense: { weight: 1, floor: 0, target: 1, better: 'higher' } },
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('nonsense');
    });

    it('shows a posted survey in the indicators as soon as the write returns', async () => {
      const before = (await get(`/api/v1/indicators?month=${MONTH}&area=${PROVINCE}&scheme=performance`)).body
        .indicators.awareness_rate;
      const rows = [
        {
          ref: `T-${engine}-1`,
          date: '2019-06-15',
          area_code: '510101001002',
          knows_officer: 'yes',
          satisfaction: 5,
          channel: 'door',
        },
      ];
      const res = await app.inject({ headers, method: 'POST', url: '/api/v1/records/surveys', payload: rows });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ written: 1 });
      const after = (await get(`/api/v1/indicators?month=${MONTH}&area=${PROVINCE}&scheme=performance`)).body.indicators
        .awareness_rate;
      expect(after.numerator).toBe(before.numerator + 1);
      expect(after.denominator).toBe(before.denominator + 1);
      const again = await app.inject({ headers, method: 'POST', url: '/api/v1/records/surveys', payload: rows });
      expect(again.json()).toEqual({ written: 0 });
    });

    it('rejects bad rows whole, naming each place, and writes nothing', async () => {
      const rows = [
        {
          ref: `T-${engine}-2`,
          date: '2019-06-15',
          area_code: '510101001002',
          knows_officer: 'yes',
          satisfaction: 5,
          channel: 'door',
        },
        {
          ref: `T-${engine}-3`,
          date: '2019-02-30',
          area_code: '510101001000',
          knows_officer: 'maybe',
          satisfaction: 9,
          channel: null,
        },
      ];
      const res = await app.inject({ headers, method: 'POST', url: '/api/v1/records/surveys', payload: rows });
      expect(res.statusCode).toBe(422);
      const details = res
        .json()
        .error.details.map((d: Record<string, unknown>) => `${d.file}:${d.line}: ${d.column}: ${d.reason}`);
      expect(details).toEqual([
        'surveys:2: date: 2019-02-30 is not a day of the calendar',
        'surveys:2: knows_officer: "maybe" is not yes or no',
        'surveys:2: satisfaction: 9 is above 5',
      ]);
      const count = await db.kysely
        .selectFrom('surveys')
        .select(db.kysely.fn.countAll().as('n'))
        .where('ref', '=', `T-${engine}-2`)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('answers errors as {"error": {code, message, details, request_id}} with a 4xx', async () => {
      const cases = [
        ['/api/v1/indicators?month=2019-13&area=x&scheme=performance', 400],
        [`/api/v1/indicators?month=2019-06&area=${PROVINCE}&scheme=performance&extra=1`, 400],
        ['/api/v1/indicators?month=2019-06&area=NOPE&scheme=performance', 404],
        ['/api/v1/units/NOPE', 404],
        ['/api/v1/officers/NOPE', 404],
        ['/api/v1/nowhere', 404],
      ] as const;
      for (const [url, status] of cases) {
        const res = await get(url);
        expect(res.status, url).toBe(status);
        expect(Object.keys(res.body.error).sort(), url).toEqual([
          'category',
          'code',
          'details',
          'message',
          'params',
          'request_id',
        ]);
        // A registered code whose English text, made from its parameters, is the message.
        const { code, params, message } = res.body.error;
        expect(renderError(code, params, 'en'), url).toBe(message);
        expect(renderError(code, params, 'zh'), url).toMatch(/\p{Script=Han}/u);
      }
    });

    it('pages the registry and filters by subtree', async () => {
      const all = (await get(`/api/v1/units?limit=500`)).body;
      const city = (await get(`/api/v1/units?area=510100000000&limit=500`)).body;
      expect(all.total).toBe(111);
      expect(city.items.length).toBe(city.total);
      expect(city.total).toBeLessThan(all.total);
      const pageTwo = (await get(`/api/v1/units?limit=10&offset=10`)).body;
      expect(pageTwo.items[0].code).toBe(all.items[10].code);
      const { body: unit } = await get(`/api/v1/units/R51010100200001?date=2019-06-30`);
      expect(unit.covered_areas.map((a: { code: string }) => a.code)).toEqual(['510101002001', '510101002004']);
      const { body: officer } = await get('/api/v1/officers/0100002');
      expect(officer.postings.length).toBeGreaterThan(0);
    });

    it('publishes a valid OpenAPI document covering every route', async () => {
      const doc = (await get('/api/openapi.json')).body;
      const result = await new Validator().validate(doc);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      const registered = app.routeList
        .filter((r) => !r.hidden)
        .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
      expect(registered.length).toBeGreaterThan(10);
      expect(documented.sort()).toEqual([...new Set(registered)].sort());
    });
  });
}
