/**
 * Small samples and the completeness column of rankings on both engines, on the acceptance
 * province: shipped schemes mark nothing; a scheme saved with a minimum sample marks exactly
 * the figures under it in the rankings of rooms, stations, officers and areas (API and CLI),
 * and one that exempts them keeps them out of lagging and problems while ranks stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { importProvince51 } from './support/province-51.ts';
import { adminHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';

const M = '2019-06';
const PROVINCE = '510000000000';

interface Figure {
  numerator: number;
  denominator: number;
  small_sample: boolean;
}
interface Row {
  code: string;
  rank: number;
  composite: number;
  lagging: boolean;
  problems: string[];
  small_samples?: string[];
  indicators: Record<string, Figure>;
  completeness: { rooms: number; reporting: number; rate: number | null } | null;
}

for (const engine of ENGINES) {
  describe(`small samples and completeness in rankings on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let headers: { authorization: string };
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await importProvince51(db);
      app = await buildApp(createContext(db));
      headers = await adminHeaders(db);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const get = async (url: string): Promise<Row[]> => (await app.inject({ url: `/api/v1/${url}`, headers })).json();
    const save = (name: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'PUT', url: `/api/v1/schemes/${name}?year=2019`, headers, payload });

    it('carries each figure’s denominator and marks nothing under the shipped schemes', async () => {
      for (const type of ['room', 'station']) {
        const rows = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=${type}`);
        expect(rows.length).toBeGreaterThan(3);
        for (const r of rows) {
          expect(r.small_samples).toEqual([]);
          expect(Object.keys(r.indicators)).toContain('awareness_rate');
          expect(Object.values(r.indicators).every((f) => !f.small_sample && f.denominator >= 0)).toBe(true);
        }
      }
      const officers = await get(`rankings/officers?month=${M}&within=${PROVINCE}`);
      expect(officers[0].indicators.familiarity_rate.denominator).toBeGreaterThanOrEqual(0);
    });

    it('gives every ranking its completeness: areas and stations their rooms, a room itself', async () => {
      const areas = await get(`rankings?month=${M}&within=${PROVINCE}&scheme=performance`);
      const children = (
        await app.inject({ url: `/api/v1/completeness?month=${M}&within=${PROVINCE}`, headers })
      ).json();
      for (const r of areas) {
        const { code: _, name: __, ...figures } = children.find((c: { code: string }) => c.code === r.code);
        expect(r.completeness).toEqual(figures);
      }
      const rooms = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=room`);
      for (const r of rooms) expect(r.completeness?.rooms).toBe(1);
      const stations = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=station`);
      const sum = stations.reduce((n, s) => n + (s.completeness?.rooms ?? 0), 0);
      expect(sum).toBe(rooms.length);
    });

    it('marks exactly the figures under a saved minimum sample, in every ranking and in the CLI', async () => {
      const before = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=room`);
      const denominators = before.map((r) => r.indicators.satisfaction_rate.denominator).filter((d) => d > 0);
      const min = [...denominators].sort((a, b) => a - b)[Math.floor(denominators.length / 2)];
      expect((await save('performance', { indicators: { satisfaction_rate: { min_sample: min } } })).statusCode).toBe(
        200,
      );
      const rooms = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=room`);
      let marked = 0;
      for (const r of rooms) {
        const d = r.indicators.satisfaction_rate.denominator;
        const small = d > 0 && d < min;
        marked += small ? 1 : 0;
        expect(r.indicators.satisfaction_rate.small_sample, r.code).toBe(small);
        expect(r.small_samples?.includes('satisfaction_rate'), r.code).toBe(small);
      }
      expect(marked).toBeGreaterThan(0);
      // Marking changes no rank, composite or lagging.
      expect(rooms.map((r) => [r.code, r.rank, r.composite, r.lagging])).toEqual(
        before.map((r) => [r.code, r.rank, r.composite, r.lagging]),
      );
      const schemes = (await app.inject({ url: '/api/v1/schemes?year=2019', headers })).json();
      const performance = schemes.schemes.find((s: { name: string }) => s.name === 'performance');
      expect(performance.indicators.find((i: { name: string }) => i.name === 'satisfaction_rate').min_sample).toBe(min);

      let out = '';
      const io: Io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true } };
      expect(
        await main(['rank', '--month', M, '--within', PROVINCE, '--of', 'rooms', '--json', '--db', db.url], io),
      ).toBe(0);
      const printed = JSON.parse(out) as Row[];
      expect(printed.filter((r) => r.small_samples?.includes('satisfaction_rate')).length).toBe(marked);

      await save('officer', { indicators: { familiarity_rate: { min_sample: 1_000 } } });
      const officers = await get(`rankings/officers?month=${M}&within=${PROVINCE}`);
      for (const o of officers) {
        const d = o.indicators.familiarity_rate.denominator;
        expect(o.indicators.familiarity_rate.small_sample).toBe(d > 0 && d < 1_000);
      }
      expect(officers.some((o) => o.indicators.familiarity_rate.small_sample)).toBe(true);
    });

    it('keeps small figures out of lagging and problems when the scheme exempts them, ranks unchanged', async () => {
      const before = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=room`);
      expect((await save('performance', { exempt_small_samples: true })).statusCode).toBe(200);
      const after = await get(`rankings/units?month=${M}&within=${PROVINCE}&type=room`);
      expect(after.map((r) => [r.code, r.rank, r.composite])).toEqual(before.map((r) => [r.code, r.rank, r.composite]));
      for (const r of after) for (const name of r.small_samples ?? []) expect(r.problems).not.toContain(name);
      const freed = after.filter((r, i) => before[i].lagging && !r.lagging);
      expect(freed.every((r) => (r.small_samples ?? []).length > 0)).toBe(true);
      expect(after.some((r, i) => before[i].problems.length !== r.problems.length)).toBe(true);
      const bad = await save('performance', { indicators: { awareness_rate: { min_sample: -3 } } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toContain('awareness_rate.min_sample');
    });
  });
}
