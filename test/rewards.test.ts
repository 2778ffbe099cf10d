/**
 * Rewards and punishments on both engines: proposals derived from each scheme's composite with
 * the thresholds of the scheme in force, decided once by an admin (audited, figures kept), and
 * still listed once the figures no longer make them.
 */
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

const PROVINCE = '510000000000';
const MONTH = '2019-06';

interface P {
  id: string;
  scheme: string;
  subject_kind: string;
  code: string;
  measure: string;
  status: string;
  current: boolean;
  figures: {
    composite: number;
    history: { month: string; composite: number }[];
    thresholds: { commendation: number; criticism: number; interview: number; interview_months: number };
  };
  decision: { decided_by: string; decided_by_name: string; note: string | null } | null;
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } };
  return { code: await main(argv, io), stdout, stderr };
}

for (const engine of ENGINES) {
  describe(`rewards and punishments on ${engine}`, () => {
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
    const list = async (within = PROVINCE): Promise<P[]> => {
      const res = await app.inject({ headers, url: `/api/v1/proposals?month=${MONTH}&within=${within}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const decide = (id: string, payload: object, h = headers) =>
      app.inject({ headers: h, method: 'POST', url: `/api/v1/proposals/${id}/decision`, payload });

    it('proposes from each scheme’s composite and its thresholds, with the figures behind each', async () => {
      const proposals = await list();
      expect(new Set(proposals.map((p) => p.scheme))).toEqual(new Set(['performance', 'construction', 'officer']));
      for (const p of proposals) {
        const t = p.figures.thresholds;
        const c = p.figures.composite;
        if (p.measure === 'commendation') expect(c).toBeGreaterThanOrEqual(t.commendation);
        if (p.measure === 'criticism') expect(c).toBeLessThan(t.criticism);
        if (p.measure === 'interview') {
          expect(p.figures.history.map((h) => h.month)).toEqual(['2019-04', '2019-05', '2019-06']);
          expect(p.figures.history.every((h) => h.composite < t.interview)).toBe(true);
        }
        expect(p).toMatchObject({ status: 'proposed', current: true, decision: null });
      }
      const rankings = (
        await app.inject({ headers, url: `/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance` })
      ).json();
      const below = rankings
        .filter((r: { composite: number }) => r.composite < 60)
        .map((r: { code: string }) => r.code);
      expect(
        proposals
          .filter((p) => p.scheme === 'performance')
          .map((p) => p.code)
          .sort(),
      ).toEqual(below.sort());
      expect((await list()).map((p) => p.id)).toEqual(proposals.map((p) => p.id));
    });

    it('follows the thresholds saved for the year', async () => {
      const saved = await app.inject({
        headers,
        method: 'PUT',
        url: '/api/v1/schemes/performance?year=2019',
        payload: { thresholds: { commendation: 50, criticism: 40, interview: 40 } },
      });
      expect(saved.statusCode).toBe(200);
      const performance = (await list()).filter((p) => p.scheme === 'performance');
      const rankings = (
        await app.inject({ headers, url: `/api/v1/rankings?month=${MONTH}&within=${PROVINCE}&scheme=performance` })
      ).json();
      for (const r of rankings as { code: string; composite: number }[]) {
        const p = performance.find((x) => x.code === r.code);
        if (r.composite >= 50) expect(p?.measure, r.code).toBe('commendation');
        else if (r.composite >= 40) expect(p, r.code).toBeUndefined();
        else expect(p?.measure, r.code).toMatch(/criticism|interview/);
      }
    });

    it('lets an admin alone decide, once, audited, keeping the figures', async () => {
      const [first, second] = await list();
      const analyst = await sessionHeaders(db, { username: 'rewards-analyst', role: 'analyst' });
      expect((await decide(first.id, { decision: 'approved' }, analyst)).statusCode).toBe(403);
      const version = await dataVersion(db.kysely);
      const res = await decide(first.id, { decision: 'approved', note: 'agreed at the meeting' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: first.id,
        status: 'approved',
        decision: { decided_by: 'user:test-admin', decided_by_name: 'test-admin', note: 'agreed at the meeting' },
      });
      expect(await dataVersion(db.kysely)).toBe(version + 1);
      expect((await decide(first.id, { decision: 'rejected' })).statusCode).toBe(409);
      expect((await decide(second.id, { decision: 'rejected' })).json().status).toBe('rejected');
      const entry = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'proposal.decide')
        .where('target', '=', first.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.detail)).toMatchObject({
        decision: 'approved',
        measure: first.measure,
        subject: `${first.subject_kind} ${first.code}`,
      });
      const listed = await list();
      expect(listed.find((p) => p.id === first.id)).toMatchObject({ status: 'approved', current: true });
      expect((await decide(`${MONTH}.${PROVINCE}.000000000000`, { decision: 'approved' })).statusCode).toBe(404);
      expect((await decide('not-an-id', { decision: 'approved' })).statusCode).toBe(400);
    });

    it('keeps listing a decided proposal the figures no longer make', async () => {
      const decided = (await list()).find((p) => p.status === 'approved' && p.scheme === 'performance')!;
      const away = decided.measure === 'commendation' ? { commendation: 100 } : { criticism: 0, interview: 0 };
      await app.inject({
        headers,
        method: 'PUT',
        url: '/api/v1/schemes/performance?year=2019',
        payload: { thresholds: away },
      });
      const again = (await list()).find((p) => p.id === decided.id);
      expect(again).toMatchObject({ status: 'approved', current: false, figures: decided.figures });
    });

    it('lists and decides from the CLI', async () => {
      const listed = await run([
        'proposals',
        '--month',
        MONTH,
        '--within',
        '510100000000',
        '--status',
        'proposed',
        '--json',
        '--db',
        db.url,
      ]);
      expect(listed.code).toBe(0);
      const open = JSON.parse(listed.stdout) as P[];
      expect(open.length).toBeGreaterThan(0);
      const done = await run([
        'proposals',
        'decide',
        '--id',
        open[0].id,
        '--decision',
        'rejected',
        '--note',
        'not this time',
        '--db',
        db.url,
      ]);
      expect(done.stderr).toBe('');
      expect(done.stdout).toContain('rejected:');
      const entry = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('target', '=', open[0].id)
        .executeTakeFirstOrThrow();
      expect(entry.via).toBe('outpost proposals decide');
    });
  });
}
