/**
 * Schemes as data on both engines: shown for a year (shipped until one is saved), saved through
 * the API and the CLI as audited versions that raise the data version, refused whole when
 * invalid, used for the month's year only, and previewed exactly as they score once saved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { dataVersion } from '../src/db/data-version.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';
import { DEFAULT_SCHEMES } from '../src/modules/assessment/domain/index.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';

const PROVINCE = '510000000000';
const MONTH = '2019-06';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

for (const engine of ENGINES) {
  describe(`schemes on ${engine}`, () => {
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
    const get = async (url: string) => (await app.inject({ headers, url })).json();
    const put = (name: string, year: number, payload: object, h = headers) =>
      app.inject({ headers: h, method: 'PUT', url: `/api/v1/schemes/${name}?year=${year}`, payload });
    const settings = (weightOf: (name: string, weight: number) => number) =>
      Object.fromEntries(
        DEFAULT_SCHEMES.performance.indicators.map((d) => [
          d.name,
          { weight: weightOf(d.name, d.weight), floor: d.floor, target: d.target, better: d.better },
        ]),
      );

    it('shows the shipped schemes for a year with none saved, informational figures apart', async () => {
      const body = await get('/api/v1/schemes?year=2019');
      expect(body.schemes.map((s: { name: string }) => s.name)).toEqual(['performance', 'construction', 'officer']);
      for (const s of body.schemes)
        expect(s).toMatchObject({
          source: 'shipped',
          version: 0,
          thresholds: { commendation: 90, criticism: 60, interview: 60, interview_months: 3 },
        });
      const performance = body.schemes[0];
      expect(performance.indicators.map((d: { name: string; weight: number }) => [d.name, d.weight])).toEqual(
        DEFAULT_SCHEMES.performance.indicators.map((d) => [d.name, d.weight]),
      );
      expect(performance.informational).toEqual([
        'visits_per_officer',
        'households_visited_share',
        'info_adopted_share',
      ]);
    });

    it('refuses an invalid scheme whole, naming each place, and saves nothing', async () => {
      const version = await dataVersion(db.kysely);
      const cases: [object, string][] = [
        [{ indicators: { nonsense: { weight: 1 } } }, 'indicators.nonsense'],
        [{ indicators: { awareness_rate: { floor: 0.9 } } }, 'indicators.awareness_rate'],
        [{ indicators: { crime_rate: { target: 6 } } }, 'indicators.crime_rate.target'],
        [{ indicators: settings(() => 0) }, 'indicators'],
        [{ thresholds: { criticism: 95 } }, 'thresholds.criticism'],
      ];
      for (const [payload, path] of cases) {
        const res = await put('performance', 2019, payload);
        expect(res.statusCode, path).toBe(400);
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await put('nonsense', 2019, { indicators: {} })).statusCode).toBe(400);
      expect(await dataVersion(db.kysely)).toBe(version);
      expect((await get('/api/v1/schemes?year=2019')).schemes[0].source).toBe('shipped');
    });

    it('refuses a save by anyone but an admin', async () => {
      const analyst = await sessionHeaders(db, { username: 'schemes-analyst', role: 'analyst' });
      expect((await put('performance', 2019, { indicators: { crime_rate: { weight: 1 } } }, analyst)).statusCode).toBe(
        403,
      );
    });

    it('previews a changed weight exactly as the ranking scores once it is saved', async () => {
      const edited = settings((name, weight) => (name === 'group_defense' ? 60 : weight));
      const before = await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`);
      const preview = await app.inject({
        headers,
        method: 'POST',
        url: `/api/v1/rankings/preview?month=${MONTH}&within=${PROVINCE}`,
        payload: { scheme: 'performance', indicators: edited },
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).not.toEqual(before);
      expect(await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`)).toEqual(before);

      const version = await dataVersion(db.kysely);
      const saved = await put('performance', 2019, {
        indicators: { group_defense: { weight: 60 } },
        note: 'patrols count more',
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        source: 'saved',
        version: 1,
        note: 'patrols count more',
        saved_by: 'user:test-admin',
        saved_by_name: 'test-admin',
      });
      expect(await dataVersion(db.kysely)).toBe(version + 1);
      expect(await get(`/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance`)).toEqual(
        preview.json(),
      );
      for (const within of [PROVINCE, '510100000000']) {
        const rows = await get(`/api/v1/rankings?month=${MONTH}&within=${within}&scheme=performance`);
        const previewed = await app.inject({
          headers,
          method: 'POST',
          url: `/api/v1/rankings/preview?month=${MONTH}&within=${within}`,
          payload: { scheme: 'performance', indicators: edited },
        });
        expect(previewed.json()).toEqual(rows);
      }
      const indicators = await get(`/api/v1/indicators?month=${MONTH}&area=${PROVINCE}&scheme=performance`);
      expect(indicators.scheme_version).toBe(1);
    });

    it('scores the year saved for and no other', async () => {
      const service = new AssessmentService(db.kysely);
      expect((await service.indicators(PROVINCE, MONTH, 'performance')).scheme_version).toBe(1);
      expect((await service.indicators(PROVINCE, '2018-12', 'performance')).scheme_version).toBe(0);
      expect((await service.indicators(PROVINCE, '2020-01', 'performance')).scheme_version).toBe(0);
      expect((await get('/api/v1/schemes?year=2020')).schemes[0].source).toBe('shipped');
    });

    it('audits each save with what it changed', async () => {
      const entry = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'scheme.save')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry).toMatchObject({
        actor: 'user:test-admin',
        target: 'performance 2019',
        via: 'PUT /api/v1/schemes/:name',
      });
      expect(JSON.parse(entry.detail)).toMatchObject({
        version: 1,
        previous_version: 0,
        changes: { 'indicators.group_defense.weight': { from: 15, to: 60 } },
      });
    });

    it('saves from the CLI, one indicator at a time or from a file, as the next version', async () => {
      const url = db.url;
      const set = await run([
        'scheme',
        'set',
        '--scheme',
        'officer',
        '--year',
        '2019',
        '--indicator',
        'visits_per_week',
        '--target',
        '12',
        '--commendation',
        '85',
        '--db',
        url,
      ]);
      expect(set.stderr).toBe('');
      expect(set.code).toBe(0);
      expect(set.stdout).toContain('saved officer 2019 as version 1');
      const again = await run([
        'scheme',
        'set',
        '--scheme',
        'officer',
        '--year',
        '2019',
        '--indicator',
        'visits_per_week',
        '--weight',
        '0',
        '--db',
        url,
      ]);
      expect(again.code).toBe(0);
      const shown = await run(['scheme', 'show', '--year', '2019', '--scheme', 'officer', '--json', '--db', url]);
      const officer = JSON.parse(shown.stdout).schemes[0];
      expect(officer).toMatchObject({ version: 2, source: 'saved', thresholds: { commendation: 85 } });
      expect(officer.indicators.find((d: { name: string }) => d.name === 'visits_per_week')).toMatchObject({
        weight: 0,
        target: 12,
        scored: false,
      });
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-scheme-')), 'construction.json');
      fs.writeFileSync(
        file,
        JSON.stringify({ indicators: { funds_rate: { weight: 0 } }, thresholds: { interview_months: 2 } }),
      );
      const fromFile = await run([
        'scheme',
        'set',
        '--scheme',
        'construction',
        '--year',
        '2021',
        '--file',
        file,
        '--db',
        url,
      ]);
      expect(fromFile.code).toBe(0);
      const construction = await new AssessmentService(db.kysely).resolvedScheme('construction', 2021);
      expect(construction.definition.indicators.funds_rate.weight).toBe(0);
      expect(construction.definition.thresholds.interview_months).toBe(2);
      const bad = await run([
        'scheme',
        'set',
        '--scheme',
        'officer',
        '--year',
        '2019',
        '--indicator',
        'nope',
        '--weight',
        '1',
        '--db',
        url,
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('indicators.nope: not an indicator of the officer scheme');
    });

    it('previews the officer scheme as the officers rank once it is saved, and refuses an area indicator', async () => {
      // The scheme in force (the CLI test above saved one), with one weight raised.
      const inForce = (await get('/api/v1/schemes?year=2019')).schemes.find(
        (x: { name: string }) => x.name === 'officer',
      ) as { indicators: { name: string; weight: number; floor: number; target: number; better: string }[] };
      const weight = inForce.indicators.find((d) => d.name === 'visits_per_week')!.weight === 90 ? 45 : 90;
      const officerSettings = Object.fromEntries(
        inForce.indicators.map((d) => [
          d.name,
          {
            weight: d.name === 'visits_per_week' ? weight : d.weight,
            floor: d.floor,
            target: d.target,
            better: d.better,
          },
        ]),
      );
      const url = (within: string) => `/api/v1/rankings/officers?month=${MONTH}&within=${within}`;
      const preview = (within: string, indicators: object) =>
        app.inject({
          headers,
          method: 'POST',
          url: `/api/v1/rankings/preview?month=${MONTH}&within=${within}`,
          payload: { scheme: 'officer', indicators },
        });
      const before = await get(url(PROVINCE));
      expect(before.length).toBeGreaterThan(2);
      const previewed = await preview(PROVINCE, officerSettings);
      expect(previewed.statusCode).toBe(200);
      const rows = previewed.json();
      expect(rows.map((r: { composite: number }) => r.composite)).not.toEqual(
        before.map((r: { composite: number }) => r.composite),
      );
      expect(rows[0]).toHaveProperty('unit_code');
      expect(rows[0]).toHaveProperty('area_code');
      const read = await db.kysely
        .selectFrom('audit_log')
        .select(['target', 'detail'])
        .where('action', '=', 'people.read')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(read.target).toBe('officer rankings (preview)');
      expect(JSON.parse(read.detail).badges).toEqual(rows.map((r: { code: string }) => r.code));
      expect(await get(url(PROVINCE))).toEqual(before);

      const wrong = await preview(PROVINCE, { ...officerSettings, crime_rate: officerSettings.familiarity_rate });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toContain('crime_rate');

      const saved = await app.inject({
        headers,
        method: 'PUT',
        url: '/api/v1/schemes/officer?year=2019',
        payload: { indicators: { visits_per_week: { weight } } },
      });
      expect(saved.statusCode).toBe(200);
      expect(await get(url(PROVINCE))).toEqual(rows);
      for (const within of [PROVINCE, '510100000000'])
        expect((await preview(within, officerSettings)).json()).toEqual(await get(url(within)));
    });
  });
}
