/**
 * Issue 16, finding 2: a scripted flood of the public survey form must not move a village's
 * scored figures. 40 answers from 40 networks, each with its proof of work solved, stay their
 * own figure (indicators' online_answers, data quality) and count in the rates only when the
 * year's scheme says so; a spent proof-of-work token is not taken again after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY } from './support/factory.ts';
import { openDatabase, type Database } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { createContext } from '../src/modules/app-context.ts';
import { solve } from '../src/modules/public/proof-of-work.ts';
import { today } from '../src/shared/clock.ts';
import { qualityReport } from '../src/modules/quality/quality.service.ts';
import { UnitAssessment } from '../src/modules/assessment/unit-ranking.service.ts';
import { main } from '../src/cli/main.ts';
import type { Io } from '../src/shared/cli/command.ts';
import { adminHeaders, ensureAccount } from './support/session.ts';

for (const engine of ENGINES) {
  describe(`a flood of the public survey form on ${engine}`, () => {
    let db: Database;
    let app: FastifyInstance;
    let ctx: ReturnType<typeof createContext>;
    let headers: { authorization: string };
    const day = today();
    const month = day.slice(0, 7);
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      // Ten door-to-door answers this month in V1: nine satisfied, eight know their officer.
      await load(db, {
        surveys: Array.from({ length: 10 }, (_, i) => ({
          ref: `DOOR-${i}`,
          date: day,
          area_code: 'V1',
          knows_officer: i < 8 ? 'yes' : 'no',
          satisfaction: i < 9 ? 5 : 2,
          channel: 'door',
        })),
      });
      await ensureAccount(db, { username: 'admin', role: 'admin' });
      ctx = createContext(db);
      app = await buildApp(ctx, { web: false });
      headers = await adminHeaders(db);
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });

    const challenge = async (server: FastifyInstance, address: string) => {
      const { token, difficulty } = (
        await server.inject({ url: '/api/v1/public/challenge', remoteAddress: address })
      ).json();
      return { token, nonce: solve(token, difficulty) };
    };
    const post = (server: FastifyInstance, address: string, payload: Record<string, unknown>) =>
      server.inject({ method: 'POST', url: '/api/v1/public/surveys', payload, remoteAddress: address });
    /** Room R1 covers V1: its satisfaction by the surveys of the villages it covers. */
    const roomSatisfaction = async () =>
      (await new UnitAssessment(ctx.assessment).result('R1', month)).indicators.satisfaction_rate;
    const indicators = async () => {
      const res = await app.inject({
        url: `/api/v1/indicators?month=${month}&area=V1&scheme=performance`,
        headers,
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    it('keeps 40 scripted answers from 40 networks out of the scored rates, in a figure of their own', async () => {
      const before = await indicators();
      expect(before.indicators.satisfaction_rate.value).toBeCloseTo(0.9, 12);
      expect(before.indicators.awareness_rate.value).toBeCloseTo(0.8, 12);
      const room = await roomSatisfaction();
      for (let i = 0; i < 40; i++) {
        const address = `203.0.${i}.7`;
        const res = await post(app, address, {
          area_code: 'V1',
          knows_officer: 'no',
          satisfaction: 1,
          ...(await challenge(app, address)),
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const after = await indicators();
      expect(after.indicators.satisfaction_rate).toEqual(before.indicators.satisfaction_rate);
      expect(after.indicators.awareness_rate).toEqual(before.indicators.awareness_rate);
      expect(after.composite).toBe(before.composite);
      expect(await roomSatisfaction()).toEqual(room);
      expect(after.online_answers).toEqual({
        answers: 40,
        awareness: { numerator: 0, denominator: 40, value: 0 },
        satisfaction: { numerator: 0, denominator: 40, value: 0 },
        counted: false,
      });
      // Summed up the tree as the rates are; a village elsewhere has none.
      const town = (
        await app.inject({ url: `/api/v1/indicators?month=${month}&area=T&scheme=performance`, headers })
      ).json();
      expect(town.online_answers.answers).toBe(40);
      const v3 = (
        await app.inject({ url: `/api/v1/indicators?month=${month}&area=V3&scheme=performance`, headers })
      ).json();
      expect(v3.online_answers.answers).toBe(0);
      // No survey record was written; data quality shows the form's answers beside the records.
      expect(await db.kysely.selectFrom('surveys').select('ref').where('ref', 'like', 'WEB-%').execute()).toEqual([]);
      const quality = await qualityReport(ctx.assessment, 'V1', month);
      expect(quality.online_surveys.online).toMatchObject({ surveys: 40, satisfied: 0, satisfaction_answered: 40 });
      expect(quality.online_surveys.other).toMatchObject({ surveys: 10, satisfied: 9, satisfaction_answered: 10 });
      let out = '';
      const io: Io = { stdout: { write: (t: string) => ((out += t), true) }, stderr: { write: () => true } };
      expect(await main(['indicators', '--month', month, '--area', 'V1', '--db', db.url], io)).toBe(0);
      expect(out).toContain(
        'online answers (public form): 40, knows officer 0/40, satisfied 0/40; counted apart, not in the rates',
      );
    });

    it("counts them in awareness and satisfaction when the year's scheme says so", async () => {
      const before = await indicators();
      const year = Number(day.slice(0, 4));
      const saved = await app.inject({
        method: 'PUT',
        url: `/api/v1/schemes/performance?year=${year}`,
        headers,
        payload: { count_online_answers: true, note: 'count the form' },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().count_online_answers).toBe(true);
      const counted = await indicators();
      expect(counted.indicators.satisfaction_rate).toMatchObject({ numerator: 9, denominator: 50 });
      expect(counted.indicators.awareness_rate).toMatchObject({ numerator: 8, denominator: 50 });
      expect(counted.composite).toBeLessThan(before.composite);
      expect(counted.online_answers.counted).toBe(true);
      expect(await roomSatisfaction()).toMatchObject({ numerator: 9, denominator: 50 });
      const back = await app.inject({
        method: 'PUT',
        url: `/api/v1/schemes/performance?year=${year}`,
        headers,
        payload: { count_online_answers: false },
      });
      expect(back.json().count_online_answers).toBe(false);
      expect((await indicators()).composite).toBe(before.composite);
    });

    it('counts a survey record posted with channel online as any other', async () => {
      const before = (await indicators()).indicators.satisfaction_rate;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/records/surveys',
        headers,
        payload: [
          {
            ref: 'PHONE-ONLINE-1',
            date: day,
            area_code: 'V1',
            knows_officer: 'yes',
            satisfaction: 5,
            channel: 'online',
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      const after = (await indicators()).indicators.satisfaction_rate;
      expect(after).toMatchObject({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    });

    it('refuses a spent proof-of-work token after a restart on the same database, and forgets expired ones', async () => {
      const address = '198.51.100.20';
      const spent = await challenge(app, address);
      const first = await post(app, address, { area_code: 'V2', knows_officer: 'yes', satisfaction: 5, ...spent });
      expect(first.statusCode, first.body).toBe(201);
      const again = await openDatabase(db.url);
      const restarted = await buildApp(createContext(again), { web: false });
      try {
        const replay = await post(restarted, '192.0.2.99', {
          area_code: 'V3',
          knows_officer: 'yes',
          satisfaction: 5,
          ...spent,
        });
        expect(replay.statusCode).toBe(403);
        expect(replay.json().error.code).toBe('challenge_used');
        expect(
          await again.kysely.selectFrom('public_answers').select('ref').where('area_code', '=', 'V3').execute(),
        ).toEqual([]);
        // A token past its life is forgotten when the next one is spent.
        await again.kysely
          .insertInto('public_tokens')
          .values({ token_hash: 'long-gone', expires_at: '2000-01-01T00:00:00.000Z' })
          .execute();
        const fresh = await post(restarted, '192.0.2.99', {
          area_code: 'V3',
          knows_officer: 'yes',
          satisfaction: 5,
          ...(await challenge(restarted, '192.0.2.99')),
        });
        expect(fresh.statusCode, fresh.body).toBe(201);
        const left = await again.kysely.selectFrom('public_tokens').select('token_hash').execute();
        expect(left.map((r) => r.token_hash)).not.toContain('long-gone');
        expect(left.length).toBeGreaterThanOrEqual(2);
      } finally {
        await restarted.close();
        await again.close();
      }
    });
  });
}
