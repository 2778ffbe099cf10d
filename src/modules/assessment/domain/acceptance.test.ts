// The acceptance province of SPEC §3 (test/fixtures/acceptance/province-51): every figure the domain
// computes from the expected raw figures, and every ranking row, must match the expected file.
import { describe, expect, it } from 'vitest';
import { loadAreas, loadExpected } from './acceptance.fixture.ts';
import type { Figures } from '#core/assessment/figures.ts';
import { type RankInput, rank } from '#core/assessment/ranking.ts';
import { DEFAULT_SCHEMES, type Scheme } from '#core/assessment/scheme.ts';
import { evaluate, evaluateScheme } from '#core/assessment/score.ts';

const expected = loadExpected();
const areas = loadAreas();
const [awareness, , , crime] = DEFAULT_SCHEMES.performance.indicators;

describe('acceptance province-51', () => {
  it('reproduces the spot checks of the province, performance', () => {
    expect([awareness.name, crime.name]).toEqual(['awareness_rate', 'crime_rate']);
    const province = expected.indicators.performance['510000000000'];
    const r = evaluateScheme(DEFAULT_SCHEMES.performance, rawOf(DEFAULT_SCHEMES.performance, province.indicators));
    expect(evaluate(awareness, { numerator: 449, denominator: 593 }).score).toBeCloseTo(64.29173693086004, 9);
    expect(evaluate(crime, { numerator: 40, denominator: 381733 })).toMatchObject({
      numerator: 400000,
    });
    expect(evaluate(crime, { numerator: 40, denominator: 381733 }).score).toBeCloseTo(98.80367953517248, 9);
    expect(r.composite).toBeCloseTo(58.62410036581398, 9);
  });

  for (const name of ['performance', 'construction'] as const) {
    it(`reproduces every area's ${name} indicators and composite to 1e-9`, () => {
      const scheme = DEFAULT_SCHEMES[name];
      const results = Object.values(expected.indicators[name]);
      const assessed = areas.filter((a) => ['province', 'city', 'county'].includes(a.level));
      expect(results.map((r) => r.area).sort()).toEqual(assessed.map((a) => a.code).sort());
      for (const area of results) {
        const r = evaluateScheme(scheme, rawOf(scheme, area.indicators));
        expect(Object.keys(r.indicators)).toEqual(Object.keys(area.indicators));
        expect(Math.abs(r.composite - area.composite), area.area).toBeLessThanOrEqual(1e-9);
        for (const [key, want] of Object.entries(area.indicators)) {
          const got = r.indicators[key];
          const where = `${area.area} ${key}`;
          expect(got.no_data, where).toBe(want.no_data);
          expect(got.value === null, where).toBe(want.value === null);
          for (const field of ['numerator', 'denominator', 'score'] as const) {
            expect(Math.abs(got[field] - want[field]), `${where} ${field}`).toBeLessThanOrEqual(1e-9);
          }
          if (got.value !== null && want.value !== null) {
            expect(Math.abs(got.value - want.value), `${where} value`).toBeLessThanOrEqual(1e-9);
          }
        }
      }
    });
  }
});

describe('acceptance province-51 rankings', () => {
  const nameOf = new Map(areas.map((a) => [a.code, a.name]));

  for (const scheme of ['performance', 'construction'] as const) {
    it(`reproduces every ${scheme} ranking row from the children's expected indicators`, () => {
      const rankings = Object.entries(expected.rankings[scheme]);
      expect(rankings.length).toBe(8);
      for (const [parent, want] of rankings) {
        const children = areas.filter((a) => a.parent_code === parent);
        expect(children.length, parent).toBeGreaterThan(0);
        const input: RankInput[] = children.map((c) => {
          const found = expected.indicators[scheme][c.code];
          expect(found, c.code).toBeDefined();
          return {
            code: c.code,
            name: nameOf.get(c.code) ?? '',
            composite: found.composite,
            indicators: found.indicators,
          };
        });
        expect(rank(input), `${scheme} within ${parent}`).toEqual(want);
      }
    });
  }
});

/** The raw figures behind expected results: the printed numerator is scale x raw. */
function rawOf(scheme: Scheme, indicators: Record<string, { numerator: number; denominator: number }>): Figures {
  const out: Figures = {};
  for (const d of scheme.indicators) {
    const r = indicators[d.name];
    out[d.name] = {
      numerator: r.numerator / d.scale,
      denominator: r.denominator,
    };
  }
  return out;
}
