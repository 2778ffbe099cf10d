/**
 * What a lock freezes, on both engines: the locked month's `indicators`, `rank` and `explain`
 * answers (API and CLI) stay byte-identical after a posting is moved, a room closed and a scheme
 * saved, while "revised" shows the change; an ancestor that is not locked sums its children as
 * they stand, frozen where locked, and its explanation still adds up; an unlock with a reason
 * lets a record in and the figures move, and a notification issued while locked shows itself
 * revised after the relock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabaseUrl } from './support/engines.ts';
import { load, TINY, type Rows } from './support/factory.ts';
import { adminHeaders } from './support/session.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { main } from '../src/cli/main.ts';

const M = '2019-06';
const PASS = {
  premises: 'pass',
  signage: 'pass',
  equipment: 'pass',
  staffing: 'pass',
  work_system: 'pass',
  duties: 'pass',
  records: 'pass',
};
const SCHEMES = {
  performance: [
    'awareness_rate',
    'familiarity_rate',
    'info_provision_rate',
    'crime_rate',
    'satisfaction_rate',
    'group_defense',
  ],
  construction: ['coverage_rate', 'staffing_rate', 'equipment_rate', 'standardization_rate', 'funds_rate'],
};

const survey = (ref: string, area: string, knows: string, satisfaction: number) => ({
  ref,
  date: '2019-06-10',
  area_code: area,
  knows_officer: knows,
  satisfaction,
  channel: 'door',
});

const ROWS: Rows = {
  ...TINY,
  officers: [
    ...TINY.officers!,
    {
      badge: 'B2',
      name: 'Two',
      role: 'community',
      unit_code: 'R1',
      start_date: '2018-01-01',
      end_date: '',
      origin: 'existing',
    },
  ],
  patrols: [{ code: 'PT1', name: 'Patrol', unit_code: 'R1', kind: 'full_time', members: 10 }],
  surveys: [
    survey('Q1', 'V1', 'yes', 5),
    survey('Q2', 'V1', 'no', 3),
    survey('Q3', 'V2', 'yes', 4),
    survey('Q4', 'V3', 'no', 2),
    survey('Q5', 'V3', 'yes', 5),
  ],
  info_reports: [
    { ref: 'I1', date: '2019-06-03', badge: 'B1', category: 'security', adopted: 'no' },
    { ref: 'I2', date: '2019-06-20', badge: 'B1', category: 'security', adopted: 'yes' },
    { ref: 'I3', date: '2019-06-05', badge: 'B2', category: 'security', adopted: 'no' },
    { ref: 'I4', date: '2019-06-05', badge: 'B3', category: 'security', adopted: 'no' },
    { ref: 'I5', date: '2019-06-06', badge: 'B3', category: 'security', adopted: 'no' },
  ],
  familiarity_checks: [
    { ref: 'F1', date: '2019-06-12', badge: 'B1', sampled: 10, correct: 9 },
    { ref: 'F2', date: '2019-06-12', badge: 'B3', sampled: 10, correct: 5 },
  ],
  incidents: [{ ref: 'X1', date: '2019-06-02', area_code: 'V3', category: 'criminal' }],
  patrol_logs: [{ date: '2019-06-08', patrol_code: 'PT1', hours: 4, participants: 5 }],
  inspections: [
    { unit_code: 'R1', date: '2019-06-01', ...PASS },
    { unit_code: 'R3', date: '2019-06-01', ...PASS, records: 'fail' },
  ],
  equipment: ['computer', 'motorcycle', 'work_kit'].flatMap((item) => [
    { unit_code: 'R1', item, quantity: 1, as_of: '2019-05-01' },
    { unit_code: 'R3', item, quantity: 1, as_of: '2019-05-01' },
  ]),
  funds: [
    { ref: 'FA', kind: 'allocation', date: '2019-03-01', recipient_code: 'K', amount: '1000.00', purpose: 'rooms' },
    { ref: 'FD', kind: 'disbursement', date: '2019-06-01', recipient_code: 'K', amount: '600.00', purpose: 'rooms' },
  ],
};

async function outpost(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

for (const engine of ENGINES) {
  describe(`periods: what a lock freezes on ${engine}`, () => {
    let db: Database;
    let url: string;
    let app: FastifyInstance;
    let headers: { authorization: string };

    beforeAll(async () => {
      url = await freshDatabaseUrl(engine);
      db = await openDatabase(url);
      await load(db, ROWS);
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

    const get = async (path: string) => {
      const res = await app.inject({ url: `/api/v1/${path}`, headers });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.body;
    };
    const post = async (path: string, payload: object, status = 200) => {
      const res = await app.inject({ method: 'POST', url: `/api/v1/${path}`, headers, payload });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      return res.json();
    };
    /** Every answer of the month inside P: indicators, rankings and explanations, by HTTP and by the CLI. */
    const answers = async (areas = ['P', 'C', 'K', 'T', 'C2']) => {
      const out: Record<string, string> = {};
      for (const [scheme, indicators] of Object.entries(SCHEMES)) {
        for (const area of areas) {
          out[`indicators ${area} ${scheme}`] = await get(`indicators?month=${M}&area=${area}&scheme=${scheme}`);
          out[`rankings ${area} ${scheme}`] = await get(`rankings?month=${M}&within=${area}&scheme=${scheme}`);
          for (const indicator of indicators)
            out[`explain ${area} ${indicator}`] = await get(
              `explain?month=${M}&area=${area}&scheme=${scheme}&indicator=${indicator}`,
            );
        }
        for (const [command, place] of [
          ['indicators', '--area'],
          ['rank', '--within'],
        ]) {
          const cli = await outpost(command, '--month', M, place, 'P', '--scheme', scheme, '--json', '--db', url);
          expect(cli.code, cli.stderr).toBe(0);
          out[`outpost ${command} ${scheme}`] = cli.stdout;
        }
        const explain = await outpost(
          'explain',
          '--month',
          M,
          '--area',
          'C',
          '--scheme',
          scheme,
          '--indicator',
          indicators[0],
          '--json',
          '--db',
          url,
        );
        out[`outpost explain ${scheme}`] = explain.stdout;
      }
      return out;
    };
    const changeTheRegistry = async () => {
      // B1's posting from June 11 moves to C2's room; room R1 closes in June; the year's scheme is saved anew.
      await post('records/officers', [{ ...ROWS.officers![1], unit_code: 'R3' }], 201);
      await post('records/units', [{ ...ROWS.units![1], status: 'closed', closed_on: '2019-06-15' }], 201);
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/v1/schemes/performance?year=2019',
        headers,
        payload: { indicators: { satisfaction_rate: { weight: 60 } } },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    };

    let atLock: Record<string, string>;
    let noticeId: number;

    it('answers after the lock exactly what it answered before it', async () => {
      const before = await answers();
      await post('periods/lock', { month: M, area: 'P' });
      atLock = await answers();
      expect(atLock).toEqual(before);
    });

    it('keeps every answer byte-identical after a posting is moved, a room closed and a scheme saved', async () => {
      const notice = await post('notifications', { area: 'P', month: M, lang: 'en' }, 201);
      noticeId = notice.notification.id;
      await changeTheRegistry();
      const after = await answers();
      for (const key of Object.keys(atLock)) expect(after[key], key).toBe(atLock[key]);
    });

    it('shows the change as revised, beside the figures as locked', async () => {
      for (const scheme of ['performance', 'construction'] as const) {
        const r = JSON.parse(await get(`periods/revision?month=${M}&area=P&scheme=${scheme}`));
        expect(r).toMatchObject({ locked: true, locked_within: 'P', changed: true });
        expect(r.frozen).toEqual(JSON.parse(atLock[`indicators P ${scheme}`]));
        expect(r.revised.composite).not.toBe(r.frozen.composite);
        expect(r.ranking.some((x: { changed: boolean }) => x.changed)).toBe(true);
      }
      const r = JSON.parse(await get(`periods/revision?month=${M}&area=K&scheme=performance`));
      expect(r.frozen.scheme_version).toBe(0);
      expect(r.revised.scheme_version).toBe(1);
      const cli = await outpost(
        'period',
        'revision',
        '--month',
        M,
        '--area',
        'P',
        '--scheme',
        'construction',
        '--json',
        '--db',
        url,
      );
      expect(JSON.parse(cli.stdout).changed).toBe(true);
    });

    it('sums an unlocked ancestor from its children as they stand, frozen where locked', async () => {
      await post('periods/unlock', { month: M, area: 'P', reason: 'relock the city alone' });
      await post('periods/lock', { month: M, area: 'C' });
      const frozenC = await get(`indicators?month=${M}&area=C&scheme=construction`);
      // What the province's explanation is made of: C as locked just now, C2 as it stands.
      for (const indicator of SCHEMES.construction) {
        const e = JSON.parse(await get(`explain?month=${M}&area=P&scheme=construction&indicator=${indicator}`));
        const sum = (k: 'numerator' | 'denominator') =>
          e.own[k] + e.children.reduce((n: number, c: Record<string, number>) => n + c[k], 0);
        expect(sum('numerator'), indicator).toBeCloseTo(e.numerator, 9);
        expect(sum('denominator'), indicator).toBeCloseTo(e.denominator, 9);
        const c = JSON.parse(await get(`explain?month=${M}&area=C&scheme=construction&indicator=${indicator}`));
        expect(e.children.find((x: { code: string }) => x.code === 'C')).toMatchObject({
          numerator: c.numerator,
          denominator: c.denominator,
        });
      }
      // R3 in C2 gained B1's posting: staffing stands as it is now outside the lock.
      const c2 = JSON.parse(await get(`indicators?month=${M}&area=C2&scheme=construction`));
      const live = JSON.parse(await get(`periods/revision?month=${M}&area=C2&scheme=construction`));
      expect(live.locked).toBe(false);
      expect(c2).toEqual(live.revised);
      // Posting a survey in C2's village moves the province but not the locked city.
      await post('records/surveys', [survey('Q9', 'V3', 'yes', 5)], 201);
      expect(await get(`indicators?month=${M}&area=C&scheme=construction`)).toBe(frozenC);
    });

    it('lets a record in after an unlock, serves the figures as they stand, and the notice shows its revision', async () => {
      const unlocked = await app.inject({
        method: 'POST',
        url: '/api/v1/periods/unlock',
        headers,
        payload: { month: M, area: 'C', reason: 'a late survey of V1' },
      });
      expect(unlocked.statusCode, unlocked.body).toBe(200);
      await post('records/surveys', [survey('Q8', 'V1', 'no', 1)], 201);
      // No frozen figure after the unlock: the answer is the live recomputation.
      const live = JSON.parse(await get(`periods/revision?month=${M}&area=K&scheme=performance`));
      expect(live.locked).toBe(false);
      expect(JSON.parse(await get(`indicators?month=${M}&area=K&scheme=performance`))).toEqual(live.revised);
      expect(await get(`indicators?month=${M}&area=K&scheme=performance`)).not.toBe(atLock['indicators K performance']);
      await post('periods/lock', { month: M, area: 'P' });
      const revision = JSON.parse(await get(`notifications/${noticeId}/revision`));
      expect(revision).toMatchObject({ recorded: true, revised: true, locked_at_issue: ['P', 'C', 'C2'] });
      const c = revision.rows.find(
        (r: { scheme: string; code: string }) => r.scheme === 'performance' && r.code === 'C',
      );
      expect(c).toMatchObject({ locked_at_issue: true, changed: true });
      expect(c.now.composite).not.toBe(c.issued.composite);
    });
  });
}
