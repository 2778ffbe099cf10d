import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENGINES, freshDatabase } from './support/engines.ts';
import { load, TINY, type Rows } from './support/factory.ts';
import type { Database } from '../src/db/database.ts';
import { AssessmentService } from '../src/modules/assessment/assessment.service.ts';

const M = '2019-06';

for (const engine of ENGINES) {
  describe(`assessment from the database on ${engine}`, () => {
    let db: Database;
    let service: AssessmentService;
    beforeAll(async () => {
      db = await freshDatabase(engine);
      await load(db, TINY);
      service = new AssessmentService(db.kysely);
    });
    afterAll(() => db?.close());

    it('gives no value, score 0 and no_data at every level when nothing was recorded', async () => {
      for (const area of ['P', 'C', 'K', 'T', 'V1']) {
        const r = await service.indicators(area, '2019-01', 'performance');
        for (const name of ['awareness_rate', 'familiarity_rate', 'satisfaction_rate'])
          expect(r.indicators[name], `${area} ${name}`).toEqual({
            numerator: 0,
            denominator: 0,
            value: null,
            score: 0,
            no_data: true,
          });
      }
      const rows = await service.rankings('P', '2019-01', 'performance');
      expect(rows.every((r) => r.lagging)).toBe(true);
    });

    it("places an officer's record by the posting containing its date, first and last day included", async () => {
      await load(db, {
        familiarity_checks: [
          { ref: 'F-last', date: '2019-06-10', badge: 'B1', sampled: 10, correct: 1 },
          { ref: 'F-first', date: '2019-06-11', badge: 'B1', sampled: 10, correct: 2 },
          { ref: 'F-old', date: '2018-12-31', badge: 'B1', sampled: 10, correct: 3 },
        ],
      });
      const e = await service.explain('T', M, 'performance', 'familiarity_rate');
      expect(e.own).toEqual({ numerator: 3, denominator: 20 });
      const unplaced = await service.explain('P', '2018-12', 'performance', 'familiarity_rate');
      expect(unplaced.denominator).toBe(0);
    });

    it('ranks the children of a city with no county level (a skipped level)', async () => {
      const rows = await service.rankings('C2', M, 'construction');
      expect(rows.map((r) => r.code)).toEqual(['T2']);
      const c2 = await service.indicators('C2', M, 'construction');
      expect(c2.indicators.coverage_rate).toMatchObject({ numerator: 1, denominator: 1 });
    });

    it('shows an import in every figure as soon as it returns', async () => {
      const before = await service.indicators('P', M, 'performance');
      await load(db, {
        surveys: [
          {
            ref: 'S-fresh',
            date: '2019-06-05',
            area_code: 'V3',
            knows_officer: 'yes',
            satisfaction: 4,
            channel: 'door',
          },
        ],
      });
      const after = await service.indicators('P', M, 'performance');
      expect(after.indicators.awareness_rate.denominator).toBe(before.indicators.awareness_rate.denominator + 1);
      expect(after.indicators.satisfaction_rate.numerator).toBe(before.indicators.satisfaction_rate.numerator + 1);
    });

    it('never changes month M for a record dated after M (property)', async () => {
      const snapshot = async () =>
        JSON.stringify([
          await service.indicators('P', M, 'performance'),
          await service.rankings('P', M, 'performance'),
          await service.rankings('T', M, 'performance'),
        ]);
      const reference = await snapshot();
      let n = 0;
      const day = fc
        .integer({ min: 1, max: 200 })
        .map((d) => new Date(Date.UTC(2019, 6, d)).toISOString().slice(0, 10));
      const record = fc.oneof(
        fc.record({
          kind: fc.constant('surveys'),
          date: day,
          area: fc.constantFrom('V1', 'V2', 'V3'),
          knows: fc.constantFrom('yes', 'no', ''),
          sat: fc.constantFrom('1', '3', '5', ''),
        }),
        fc.record({ kind: fc.constant('incidents'), date: day, area: fc.constantFrom('V1', 'V2', 'V3') }),
        fc.record({ kind: fc.constant('familiarity_checks'), date: day, badge: fc.constantFrom('B1', 'B3') }),
        fc.record({ kind: fc.constant('info_reports'), date: day, badge: fc.constantFrom('B1', 'B3') }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (records) => {
          const rows: Rows = {};
          for (const r of records) {
            const ref = `AFTER-${engine}-${++n}`;
            const push = (kind: string, row: Record<string, string | number>) => (rows[kind] ??= []).push(row);
            if (r.kind === 'surveys')
              push('surveys', {
                ref,
                date: r.date,
                area_code: r.area!,
                knows_officer: r.knows!,
                satisfaction: r.sat!,
                channel: 'online',
              });
            if (r.kind === 'incidents')
              push('incidents', { ref, date: r.date, area_code: r.area!, category: 'criminal' });
            if (r.kind === 'familiarity_checks')
              push('familiarity_checks', { ref, date: r.date, badge: r.badge!, sampled: 5, correct: 4 });
            if (r.kind === 'info_reports')
              push('info_reports', { ref, date: r.date, badge: r.badge!, category: 'security', adopted: 'yes' });
          }
          await load(db, rows);
          expect(await snapshot()).toBe(reference);
        }),
        { numRuns: 8 },
      );
    });
  });

  describe(`write order on ${engine}`, () => {
    it('gives the same rankings whatever order the rows were written in', async () => {
      const surveys = Array.from({ length: 30 }, (_, i) => ({
        ref: `Q${i}`,
        date: `2019-06-${String((i % 28) + 1).padStart(2, '0')}`,
        area_code: ['V1', 'V2', 'V3'][i % 3],
        knows_officer: i % 4 ? 'yes' : 'no',
        satisfaction: (i % 5) + 1,
        channel: 'door',
      }));
      const results: string[] = [];
      for (const order of [
        surveys,
        [...surveys].reverse(),
        surveys.filter((_, i) => i % 2).concat(surveys.filter((_, i) => !(i % 2))),
      ]) {
        const db = await freshDatabase(engine);
        await load(db, { ...TINY, areas: [...TINY.areas!].reverse() });
        for (let i = 0; i < order.length; i += 7) await load(db, { surveys: order.slice(i, i + 7) });
        const s = new AssessmentService(db.kysely);
        results.push(
          JSON.stringify([await s.rankings('P', M, 'performance'), await s.rankings('T', M, 'performance')]),
        );
        await db.close();
      }
      expect(new Set(results).size).toBe(1);
    });
  });
}
