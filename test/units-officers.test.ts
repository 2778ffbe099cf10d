/**
 * Stations, rooms and front-line officers ranked by the records placed at them, and twelve-month
 * trends, on both engines, on the TINY province with records whose every figure is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { UnitAssessment } from '../src/modules/assessment/unit-ranking.service.ts';
import { OfficerAssessment } from '../src/modules/assessment/officer-ranking.service.ts';
import { trend } from '../src/modules/assessment/trend.service.ts';
import { main } from '../src/cli/main.ts';

const M = '2019-06';
const survey = (ref: string, area: string, knows: string, satisfaction: number) => ({
  ref,
  date: '2019-06-05',
  area_code: area,
  knows_officer: knows,
  satisfaction,
  channel: 'door',
});

const RECORDS = {
  units: [
    ...TINY.units!,
    {
      code: 'R4',
      name: 'Room closed',
      type: 'community_room',
      area_code: 'T',
      station_code: 'S1',
      covers: 'V1',
      status: 'closed',
      opened_on: '2015-01-01',
      closed_on: '2019-05-01',
    },
  ],
  patrols: [{ code: 'PT1', name: 'Team', unit_code: 'R1', kind: 'volunteer', members: 5 }],
  surveys: [
    survey('Q1', 'V1', 'yes', 5),
    survey('Q2', 'V1', 'no', 4),
    survey('Q3', 'V1', 'yes', 2),
    survey('Q4', 'V2', 'yes', 5),
    survey('Q5', 'V2', 'yes', 5),
  ],
  familiarity_checks: [
    { ref: 'F1', date: '2019-06-05', badge: 'B1', sampled: 10, correct: 8 },
    { ref: 'F2', date: '2019-06-20', badge: 'B1', sampled: 10, correct: 6 },
    { ref: 'F3', date: '2019-06-10', badge: 'B3', sampled: 20, correct: 19 },
  ],
  info_reports: [
    { ref: 'I1', date: '2019-06-01', badge: 'B1', category: 'security', adopted: 'yes' },
    { ref: 'I2', date: '2019-06-15', badge: 'B1', category: 'security', adopted: 'no' },
    { ref: 'I3', date: '2019-06-15', badge: 'B3', category: 'security', adopted: 'yes' },
  ],
  visits: [
    ...Array.from({ length: 10 }, (_, i) => ({
      badge: 'B1',
      date: '2019-06-12',
      household_ref: `H${i}`,
      area_code: 'V2',
    })),
    ...Array.from({ length: 30 }, (_, i) => ({
      badge: 'B3',
      date: `2019-06-${String(i + 1).padStart(2, '0')}`,
      household_ref: `G${i}`,
      area_code: 'V3',
    })),
  ],
  incidents: [{ ref: 'X1', date: '2019-06-07', area_code: 'V1', category: 'criminal' }],
  patrol_logs: [{ patrol_code: 'PT1', date: '2019-06-10', hours: 2, participants: 5 }],
};

for (const engine of ENGINES) {
  describe(`units and officers on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    let units: UnitAssessment;
    let officers: OfficerAssessment;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, { ...TINY, ...RECORDS });
      assessment = new AssessmentService(db.kysely);
      units = new UnitAssessment(assessment);
      officers = new OfficerAssessment(assessment);
      app = await buildApp(createContext(db), { web: false });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('places surveys and incidents at the open rooms covering their village, checks at the officer’s room on the day', async () => {
      const r1 = await units.result('R1', M);
      expect(r1.indicators.awareness_rate).toMatchObject({ numerator: 2, denominator: 3 });
      expect(r1.indicators.satisfaction_rate).toMatchObject({ numerator: 2, denominator: 3 });
      expect(r1.indicators.familiarity_rate).toMatchObject({ numerator: 8, denominator: 10 });
      expect(r1.indicators.info_provision_rate).toMatchObject({ denominator: 0, no_data: true });
      expect(r1.indicators.crime_rate).toMatchObject({ numerator: 10_000, denominator: 5000 });
      expect(r1.indicators.group_defense).toMatchObject({ numerator: 10_000, denominator: 5000 });
      const r2 = await units.result('R2', M);
      expect(r2.indicators.familiarity_rate).toMatchObject({ numerator: 6, denominator: 10 });
      expect(r2.indicators.info_provision_rate).toMatchObject({ numerator: 1, denominator: 1 });
      const info = await units.informational('R2', M);
      expect(info.visits_per_officer).toEqual({ numerator: 10, denominator: 1, value: 10 });
      expect(info.households_visited_share).toEqual({ numerator: 10, denominator: 1500, value: 10 / 1500 });
      expect(info.info_adopted_share).toEqual({ numerator: 0, denominator: 1, value: 0 });
      expect((await units.informational('S1', M)).households_visited_share).toMatchObject({
        numerator: 10,
        denominator: 3000,
      });
      expect((await units.result('R4', M)).indicators.awareness_rate.denominator).toBe(0);
    });

    it('gives a station its rooms’ figures: the same as its township’s when the rooms cover it all', async () => {
      const station = await units.result('S1', M);
      const township = await assessment.indicators('T', M, 'performance');
      for (const [name, r] of Object.entries(township.indicators)) expect(station.indicators[name], name).toEqual(r);
      expect(station.composite).toBe(township.composite);
    });

    it('ranks the rooms open at the end of the month, and the stations, within an area', async () => {
      const rooms = await units.rankings('P', M, 'room');
      expect(rooms.map((r) => r.code).sort()).toEqual(['R1', 'R2', 'R3']);
      expect(rooms.every((r) => r.previous_rank !== null)).toBe(true);
      expect((await units.rankings('T', M, 'room')).map((r) => r.code).sort()).toEqual(['R1', 'R2']);
      expect((await units.rankings('C2', M, 'station')).map((r) => [r.code, r.rank])).toEqual([['S2', 1]]);
      await expect(units.rankings('P', M, 'room', 'construction')).rejects.toThrow(/performance/);
    });

    it('scores each front-line officer with the officer scheme and ranks them', async () => {
      const b1 = await officers.result('B1', M);
      expect(b1.indicators.familiarity_rate).toMatchObject({ numerator: 14, denominator: 20, value: 0.7 });
      expect(b1.indicators.info_provision_rate).toMatchObject({ numerator: 1, denominator: 1 });
      expect(b1.indicators.visits_per_week.value).toBeCloseTo(10 / (30 / 7), 12);
      const b3 = await officers.result('B3', M);
      expect(b3.indicators.info_provision_rate).toMatchObject({ numerator: 0, denominator: 1, score: 0 });
      expect(b3.indicators.visits_per_week.value).toBeCloseTo(7, 12);
      expect(b3.composite).toBeCloseTo((40 * 100 + 30 * 0 + 30 * 40) / 100, 9);
      const rows = await officers.rankings('P', M);
      expect(rows.map((r) => [r.rank, r.code, r.unit_code])).toEqual([
        [1, 'B3', 'R3'],
        [2, 'B1', 'R2'],
      ]);
      expect((await officers.rankings('T', M)).map((r) => r.code)).toEqual(['B1']);
    });

    it('gives twelve months of an area, a unit or an officer, ending with the month', async () => {
      const area = await trend(assessment, { kind: 'area', code: 'P', month: M });
      expect(area.points.map((p) => p.month)).toEqual([
        '2018-07',
        '2018-08',
        '2018-09',
        '2018-10',
        '2018-11',
        '2018-12',
        '2019-01',
        '2019-02',
        '2019-03',
        '2019-04',
        '2019-05',
        '2019-06',
      ]);
      const june = await assessment.indicators('P', M, 'performance');
      expect(area.points[11].composite).toBe(june.composite);
      expect(area.points[11].indicators.awareness_rate).toBe(june.indicators.awareness_rate.value);
      const construction = await trend(assessment, { kind: 'area', code: 'T', scheme: 'construction', month: M });
      expect(construction.points[11].indicators.coverage_rate).toBe(1);
      const unit = await trend(assessment, { kind: 'unit', code: 'S1', month: M });
      expect(unit.points[11].composite).toBe((await units.result('S1', M)).composite);
      const officer = await trend(assessment, { kind: 'officer', code: 'B1', month: M });
      expect(officer).toMatchObject({ name: 'One', scheme: 'officer' });
      expect(officer.points[11].composite).toBe((await officers.result('B1', M)).composite);
      expect(officer.points[0].indicators.familiarity_rate).toBeNull();
      await expect(trend(assessment, { kind: 'officer', code: 'B1', scheme: 'performance', month: M })).rejects.toThrow(
        /officer scheme/,
      );
      await expect(trend(assessment, { kind: 'unit', code: 'NOPE', month: M })).rejects.toThrow(
        /no station or room NOPE/,
      );
    });

    it('answers the same over HTTP', async () => {
      const headers = await adminHeaders(db);
      const get = async (url: string) => {
        const res = await app.inject({ headers, url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        return res.json();
      };
      expect(
        (await get(`/api/v1/rankings/units?month=${M}&within=P&type=room`)).map((r: { code: string }) => r.code).sort(),
      ).toEqual(['R1', 'R2', 'R3']);
      expect((await get(`/api/v1/rankings/officers?month=${M}&within=P`))[0]).toMatchObject({
        code: 'B3',
        unit_code: 'R3',
        area_code: 'T2',
      });
      const t = await get(`/api/v1/trend?kind=officer&code=B3&month=${M}`);
      expect(t.points).toHaveLength(12);
      // Officers named with their own figures: read of people, audited with the badges shown.
      const reads = await db.kysely
        .selectFrom('audit_log')
        .select(['target', 'detail'])
        .where('action', '=', 'people.read')
        .orderBy('id')
        .execute();
      expect(reads.slice(-2).map((r) => r.target)).toEqual(['officer rankings', 'officer B3']);
      expect(JSON.parse(reads.at(-2)!.detail).badges).toContain('B3');
      await get(`/api/v1/trend?kind=unit&code=R2&month=${M}`);
      expect(
        await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'people.read').execute(),
      ).toHaveLength(reads.length);
      const info = await get(`/api/v1/informational?month=${M}&kind=unit&code=R2`);
      expect(info.figures.visits_per_officer).toEqual({ numerator: 10, denominator: 1, value: 10 });
      const area = await get(`/api/v1/informational?month=${M}&code=P`);
      expect(area.figures).toEqual(await assessment.informationalOf('P', M));
      expect(area.figures.visits_per_officer).toEqual({ numerator: 40, denominator: 2, value: 20 });
      expect(area.name).toBe('Province');
      expect(area.children.map((c: { code: string }) => c.code)).toEqual(['C', 'C2']);
      for (const figure of Object.keys(area.figures)) {
        const sum = (key: 'numerator' | 'denominator') =>
          area.children.reduce(
            (n: number, c: { figures: Record<string, Record<string, number>> }) => n + c.figures[figure][key],
            0,
          );
        expect([sum('numerator'), sum('denominator')], figure).toEqual([
          area.figures[figure].numerator,
          area.figures[figure].denominator,
        ]);
      }
      expect(info).toMatchObject({ kind: 'unit', name: expect.any(String), children: [] });
    });

    it('prints the informational figures of an area and its children from the CLI, as the API answers', async () => {
      const run = async (argv: string[]) => {
        let stdout = '';
        let stderr = '';
        const code = await main([...argv, '--db', db.url], {
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: (t: string) => (stderr += t) },
        });
        return { code, stdout, stderr };
      };
      const json = await run(['informational', '--month', M, '--code', 'P', '--json']);
      expect(json.code, json.stderr).toBe(0);
      const headers = await adminHeaders(db);
      const api = await app.inject({ headers, url: `/api/v1/informational?month=${M}&code=P` });
      expect(JSON.parse(json.stdout)).toEqual(api.json());
      const text = await run(['informational', '--month', M, '--code', 'P']);
      expect(text.stdout).toContain('informational, not scored');
      expect(text.stdout).toMatch(/^C2 +City two /m);
      expect(text.stdout).toContain('20 (40 / 2)');
    });

    it('shows a manager a sibling city’s informational figures but not its children’s', async () => {
      const headers = await sessionHeaders(db, { username: 'info-manager', role: 'manager', area: 'C' });
      const get = async (url: string) => (await app.inject({ headers, url })).json();
      expect(
        (await get(`/api/v1/informational?month=${M}&code=C`)).children.map((c: { code: string }) => c.code),
      ).toEqual(['K']);
      const sibling = await get(`/api/v1/informational?month=${M}&code=C2`);
      expect(sibling).toMatchObject({ code: 'C2', children: [] });
      expect(sibling.figures).toEqual(await assessment.informationalOf('C2', M));
      const below = await app.inject({ headers, url: `/api/v1/informational?month=${M}&code=T2` });
      expect(below.statusCode).toBe(404);
    });
  });
}
