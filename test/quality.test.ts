/**
 * The data-quality report on both engines, on the TINY province with each kind of problem put
 * in on purpose, through the service, the API and the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { adminHeaders, sessionHeaders } from './support/session.ts';
import type { Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';
import { qualityReport } from '../src/modules/quality/quality.service.ts';

const M = '2019-06';
const day = (month: string, i: number) => `${month}-${String((i % 28) + 1).padStart(2, '0')}`;
const surveys = (
  prefix: string,
  month: string,
  n: number,
  answer: (i: number) => [string, number | string],
  channel = 'door',
) =>
  Array.from({ length: n }, (_, i) => {
    const [knows, satisfaction] = answer(i);
    return { ref: `${prefix}${i}`, date: day(month, i), area_code: 'V2', knows_officer: knows, satisfaction, channel };
  });

const ROWS = {
  officers: [
    ...TINY.officers!,
    {
      badge: 'B4',
      name: 'Four',
      role: 'resident',
      unit_code: 'R3',
      start_date: '2018-01-01',
      end_date: '2019-05-31',
      origin: 'existing',
    },
  ],
  surveys: [
    // V2: alike all June (a room answering as one), after a May of 8 in 20 knowing their officer: a jump.
    ...surveys('JUN', M, 20, () => ['yes', 5]),
    ...surveys('MAY', '2019-05', 20, (i) => [i < 8 ? 'yes' : 'no', 3]),
    { ref: 'V1-a', date: '2019-06-03', area_code: 'V1', knows_officer: 'yes', satisfaction: 4, channel: 'online' },
    { ref: 'V1-b', date: '2019-06-04', area_code: 'V1', knows_officer: 'no', satisfaction: 2, channel: 'online' },
    { ref: 'V1-empty', date: '2019-06-05', area_code: 'V1', knows_officer: '', satisfaction: '', channel: 'door' },
  ],
  info_reports: [{ ref: 'I-late', date: '2019-06-10', badge: 'B4', category: 'security', adopted: 'no' }],
  familiarity_checks: [{ ref: 'F-late', date: '2019-06-15', badge: 'B4', sampled: 10, correct: 9 }],
  visits: Array.from({ length: 31 }, (_, i) => ({
    badge: 'B3',
    date: '2019-06-03',
    household_ref: `H${i}`,
    area_code: 'V3',
  })),
};

for (const engine of ENGINES) {
  describe(`data quality on ${engine}`, () => {
    let db: Database;
    let assessment: AssessmentService;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, { ...TINY, ...ROWS });
      // Two answers of the public form (kept apart from survey records: migration 018).
      const answer = (ref: string, knows: number, satisfaction: number) => ({
        ref,
        date: '2019-06-07',
        area_code: 'V1',
        knows_officer: knows,
        satisfaction,
        received_at: '2019-06-07T02:00:00.000Z',
      });
      await db.kysely
        .insertInto('public_answers')
        .values([answer('WEB-a', 1, 5), answer('WEB-b', 0, 1)])
        .execute();
      assessment = new AssessmentService(db.kysely);
      app = await buildApp(createContext(db), { web: false });
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    it('lists officers’ records dated outside every posting, where their officer was posted', async () => {
      const province = await qualityReport(assessment, 'P', M);
      expect(province.unplaced.items.map((r) => [r.kind, r.key, r.badge])).toEqual([
        ['familiarity_checks', 'F-late', 'B4'],
        ['info_reports', 'I-late', 'B4'],
      ]);
      expect((await qualityReport(assessment, 'C2', M)).unplaced.items.map((r) => r.key)).toEqual(['F-late', 'I-late']);
      expect((await qualityReport(assessment, 'C', M)).unplaced.total).toBe(0);
    });

    it("finds empty surveys, villages without survey data, and reports the form's answers apart", async () => {
      const r = await qualityReport(assessment, 'P', M);
      expect(r.empty_surveys.items.map((s) => s.ref)).toEqual(['V1-empty']);
      expect(r.villages_without_surveys).toMatchObject({
        total: 1,
        villages: 3,
        items: [{ code: 'V3', name: 'Village three' }],
      });
      expect(r.online_surveys.online).toEqual({
        surveys: 2,
        knows_answered: 2,
        knows_yes: 1,
        satisfaction_answered: 2,
        satisfied: 1,
      });
      // Imported rows marked online are survey records like the rest.
      expect(r.online_surveys.other.surveys).toBe(23);
    });

    it('finds a unit answering as one, an impossible day of visits and an indicator that jumped', async () => {
      const { implausible } = await qualityReport(assessment, 'P', M);
      expect(implausible.identical_answers.items).toEqual([
        { unit_code: 'R2', name: 'Room two', answers: 20, sample: '1/5' },
      ]);
      expect(implausible.busy_days.items).toEqual([{ badge: 'B3', date: '2019-06-03', visits: 31 }]);
      const v2 = implausible.jumps.items.filter((j) => j.area === 'V2');
      expect(v2.map((j) => [j.indicator, j.direction])).toEqual([
        ['awareness_rate', 'up'],
        ['satisfaction_rate', 'up'],
      ]);
      expect(v2[0]).toMatchObject({
        previous: { value: 0.4, denominator: 20 },
        current: { value: 1, denominator: 20 },
      });
      expect(implausible.jumps.items.some((j) => j.area === 'V1')).toBe(false);
    });

    it('answers over HTTP within the account’s own subtree only, and from the CLI', async () => {
      const headers = await adminHeaders(db);
      const res = await app.inject({ headers, url: `/api/v1/quality?month=${M}&area=P&limit=1` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().unplaced).toMatchObject({ total: 2, items: [{ key: 'F-late' }] });
      // The report names officers by badge: a read of people, audited with the badges it showed.
      const read = await db.kysely
        .selectFrom('audit_log')
        .select(['target', 'detail'])
        .where('action', '=', 'people.read')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(read.target).toBe('quality of P');
      const shown = [...res.json().unplaced.items, ...res.json().implausible.busy_days.items].map(
        (r: { badge: string }) => r.badge,
      );
      expect(JSON.parse(read.detail).badges).toEqual([...new Set(shown)]);
      const manager = await sessionHeaders(db, { username: 'quality-manager', role: 'manager', area: 'C' });
      expect((await app.inject({ headers: manager, url: `/api/v1/quality?month=${M}&area=T` })).statusCode).toBe(200);
      expect((await app.inject({ headers: manager, url: `/api/v1/quality?month=${M}&area=C2` })).statusCode).toBe(404);
      expect((await app.inject({ headers: manager, url: `/api/v1/quality?month=${M}&area=P` })).statusCode).toBe(404);

      let stdout = '';
      const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } };
      expect(await main(['quality', '--month', M, '--area', 'P', '--db', db.url], io)).toBe(0);
      expect(stdout).toContain('records placed nowhere (dated outside every posting of their officer): 2');
      expect(stdout).toContain('R2');
    });
  });
}
