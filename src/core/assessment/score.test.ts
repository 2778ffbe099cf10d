import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figures } from './figures.ts';
import { DEFAULT_SCHEMES, type IndicatorDef, type Scheme, type SchemeName } from './scheme.ts';
import { evaluate, evaluateScheme, scoreOf } from './score.ts';

const def = (name: string, scheme: SchemeName = 'performance'): IndicatorDef => {
  const found = DEFAULT_SCHEMES[scheme].indicators.find((d) => d.name === name);
  if (found === undefined) throw new Error(`no indicator ${name}`);
  return found;
};
const awareness = def('awareness_rate');
const crime = def('crime_rate');
const groupDefense = def('group_defense');

describe('default schemes', () => {
  it('lists the SPEC tables in order with their weights, floors, targets and scales', () => {
    expect(
      DEFAULT_SCHEMES.performance.indicators.map((d) => [d.name, d.better, d.floor, d.target, d.weight, d.scale]),
    ).toEqual([
      ['awareness_rate', 'higher', 0.5, 0.9, 15, 1],
      ['familiarity_rate', 'higher', 0.6, 0.95, 20, 1],
      ['info_provision_rate', 'higher', 0.5, 1, 15, 1],
      ['crime_rate', 'lower', 5, 1, 15, 10000],
      ['satisfaction_rate', 'higher', 0.7, 0.95, 20, 1],
      ['group_defense', 'higher', 10, 100, 15, 1000],
    ]);
    expect(
      DEFAULT_SCHEMES.construction.indicators.map((d) => [d.name, d.better, d.floor, d.target, d.weight, d.scale]),
    ).toEqual([
      ['coverage_rate', 'higher', 0.5, 1, 30, 1],
      ['staffing_rate', 'higher', 0.5, 1, 25, 1],
      ['equipment_rate', 'higher', 0.5, 1, 15, 1],
      ['standardization_rate', 'higher', 0.5, 1, 20, 1],
      ['funds_rate', 'higher', 0.5, 1, 10, 1],
    ]);
    expect(DEFAULT_SCHEMES.performance.name).toBe('performance');
    expect(DEFAULT_SCHEMES.construction.name).toBe('construction');
  });
});

describe('scores', () => {
  it('is linear between floor and target for a higher-better indicator', () => {
    expect(scoreOf(awareness, 0.7)).toBeCloseTo(50, 12);
    expect(scoreOf(awareness, 0.5)).toBe(0);
    expect(scoreOf(awareness, 0.9)).toBeCloseTo(100, 12);
  });

  it('clamps a higher-better indicator at both ends', () => {
    expect(scoreOf(awareness, 0)).toBe(0);
    expect(scoreOf(awareness, 0.49)).toBe(0);
    expect(scoreOf(awareness, 0.95)).toBe(100);
    expect(scoreOf(awareness, 1)).toBe(100);
  });

  it('scores a lower-better indicator from floor down to target', () => {
    expect(scoreOf(crime, 5)).toBe(0);
    expect(scoreOf(crime, 3)).toBe(50);
    expect(scoreOf(crime, 1)).toBe(100);
  });

  it('clamps a lower-better indicator at both ends', () => {
    expect(scoreOf(crime, 7.5)).toBe(0);
    expect(scoreOf(crime, 0.5)).toBe(100);
    expect(scoreOf(crime, 0)).toBe(100);
  });

  it('scores no value as 0', () => {
    expect(scoreOf(awareness, null)).toBe(0);
    expect(scoreOf(crime, null)).toBe(0);
  });

  it('scores a floor equal to its target as all or nothing', () => {
    const flatHigh: IndicatorDef = { ...awareness, floor: 0.8, target: 0.8 };
    expect([scoreOf(flatHigh, 0.79), scoreOf(flatHigh, 0.8), scoreOf(flatHigh, 0.81)]).toEqual([0, 100, 100]);
    const flatLow: IndicatorDef = { ...crime, floor: 2, target: 2 };
    expect([scoreOf(flatLow, 1.9), scoreOf(flatLow, 2), scoreOf(flatLow, 2.1)]).toEqual([100, 100, 0]);
  });

  it('stays within 0 and 100 for any finite value', () => {
    fc.assert(
      fc.property(arbDef(), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (d, v) => {
        const s = scoreOf(d, v);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('evaluate', () => {
  it('scales the raw numerator before dividing', () => {
    expect(evaluate(groupDefense, { numerator: 12612, denominator: 381733 })).toMatchObject({
      numerator: 12612000,
      denominator: 381733,
      value: 12612000 / 381733,
    });
  });

  it('gives no value, score 0 and no_data for a zero denominator', () => {
    expect(evaluate(awareness, { numerator: 0, denominator: 0 })).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      score: 0,
      no_data: true,
    });
    expect(evaluate(crime, { numerator: 3, denominator: 0 })).toEqual({
      numerator: 30000,
      denominator: 0,
      value: null,
      score: 0,
      no_data: true,
    });
  });

  it('has data whenever the denominator is not 0, even with a zero numerator', () => {
    expect(evaluate(crime, { numerator: 0, denominator: 1000 })).toEqual({
      numerator: 0,
      denominator: 1000,
      value: 0,
      score: 100,
      no_data: false,
    });
  });
});

describe('composites', () => {
  it('weights the scores', () => {
    const scheme: Scheme = {
      name: 'performance',
      indicators: [
        {
          name: 'a',
          better: 'higher',
          floor: 0,
          target: 1,
          weight: 1,
          scale: 1,
        },
        {
          name: 'b',
          better: 'higher',
          floor: 0,
          target: 1,
          weight: 3,
          scale: 1,
        },
      ],
    };
    const r = evaluateScheme(scheme, {
      a: { numerator: 1, denominator: 1 },
      b: { numerator: 0, denominator: 1 },
    });
    expect(r.composite).toBe(25);
    expect(Object.keys(r.indicators)).toEqual(['a', 'b']);
  });

  it('counts a missing indicator as no data scoring 0', () => {
    const r = evaluateScheme(DEFAULT_SCHEMES.construction, {
      coverage_rate: { numerator: 1, denominator: 1 },
    });
    expect(r.indicators.coverage_rate.score).toBe(100);
    expect(r.indicators.funds_rate).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      score: 0,
      no_data: true,
    });
    expect(r.composite).toBe(30);
  });

  it('is 0 for a scheme whose weights sum to 0', () => {
    const scheme: Scheme = {
      name: 'construction',
      indicators: [{ ...awareness, weight: 0 }],
    };
    expect(
      evaluateScheme(scheme, {
        awareness_rate: { numerator: 1, denominator: 1 },
      }).composite,
    ).toBe(0);
  });

  it('does not exceed 100 through rounding with fractional weights', () => {
    const full = { numerator: 1, denominator: 1 };
    const scheme: Scheme = {
      name: 'construction',
      indicators: [8.87, 4.76, 9.49].map((weight, i) => ({
        name: `i${i}`,
        better: 'higher',
        floor: 0,
        target: 1,
        weight,
        scale: 1,
      })),
    };
    expect(evaluateScheme(scheme, { i0: full, i1: full, i2: full }).composite).toBe(100);
  });

  it('stays within 0 and 100', () => {
    fc.assert(
      fc.property(arbScheme(), fc.array(arbFigure(), { minLength: 8, maxLength: 8 }), (scheme, raw) => {
        const figures: Figures = {};
        scheme.indicators.forEach((d, i) => {
          if (raw[i] !== null) figures[d.name] = raw[i];
        });
        const { composite } = evaluateScheme(scheme, figures);
        expect(composite).toBeGreaterThanOrEqual(0);
        expect(composite).toBeLessThanOrEqual(100);
      }),
      { numRuns: 2000 },
    );
  });
});

function arbDef(): fc.Arbitrary<IndicatorDef> {
  const bound = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  return fc.record({
    name: fc.constant('x'),
    better: fc.constantFrom('higher' as const, 'lower' as const),
    floor: bound,
    target: bound,
    weight: fc.double({ min: 0, max: 1000, noNaN: true }),
    scale: fc.constantFrom(1, 1000, 10000),
  });
}

function arbScheme(): fc.Arbitrary<Scheme> {
  return fc.array(arbDef(), { minLength: 1, maxLength: 8 }).map((defs) => ({
    name: 'performance' as const,
    indicators: defs.map((d, i) => ({ ...d, name: `i${i}` })),
  }));
}

function arbFigure(): fc.Arbitrary<{
  numerator: number;
  denominator: number;
} | null> {
  return fc.option(
    fc.record({
      numerator: fc.oneof(fc.nat(1000), fc.double({ min: 0, max: 1e9, noNaN: true })),
      denominator: fc.oneof(fc.constant(0), fc.nat(1000), fc.double({ min: 0, max: 1e9, noNaN: true })),
    }),
  );
}
