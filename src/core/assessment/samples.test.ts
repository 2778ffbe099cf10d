import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank } from './ranking.ts';
import { rankUnder, scoredResults } from './rank-scheme.ts';
import { isSmallSample, rankWithSamples, sampledFigures, smallSamples } from './samples.ts';
import { DEFAULT_SCHEMES, type Scheme } from './scheme.ts';
import { evaluateScheme } from './score.ts';
import type { Figures } from './figures.ts';

/** Two indicators of equal weight; `a` asks for at least 30 cases. */
const scheme = (exempt = false): Scheme<string> => ({
  name: 'test',
  indicators: [
    { name: 'a', better: 'higher', floor: 0.5, target: 1, weight: 50, scale: 1, min_sample: 30 },
    { name: 'b', better: 'higher', floor: 0.5, target: 1, weight: 50, scale: 1 },
  ],
  ...(exempt ? { exempt_small_samples: true } : {}),
});
const f = (an: number, ad: number, bn: number, bd: number): Figures => ({
  a: { numerator: an, denominator: ad },
  b: { numerator: bn, denominator: bd },
});

describe('small samples', () => {
  it('marks a denominator above 0 and under the minimum, never a missing one or an indicator without one', () => {
    expect(isSmallSample({ min_sample: 30 }, 7)).toBe(true);
    expect(isSmallSample({ min_sample: 30 }, 29.5)).toBe(true);
    expect(isSmallSample({ min_sample: 30 }, 30)).toBe(false);
    expect(isSmallSample({ min_sample: 30 }, 0)).toBe(false);
    expect(isSmallSample({ min_sample: null }, 1)).toBe(false);
    expect(isSmallSample({}, 1)).toBe(false);
  });

  it('names the small figures of a result and marks each figure with its sample', () => {
    const result = evaluateScheme(scheme(), f(5, 7, 40, 50));
    expect(smallSamples(scheme(), result.indicators)).toEqual(['a']);
    expect(sampledFigures(scheme(), result)).toMatchObject({
      a: { numerator: 5, denominator: 7, small_sample: true },
      b: { numerator: 40, denominator: 50, small_sample: false },
    });
  });

  it('ranks exactly as SPEC §3 without minimums, every row with no small samples (property)', () => {
    const figure = fc.record({ numerator: fc.nat(100), denominator: fc.nat(100) });
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, figure, figure, figure, figure, figure), { maxLength: 12 }), (rows) => {
        const s = DEFAULT_SCHEMES.performance;
        const subjects = rows.map((r, i) => ({
          code: `c${i}`,
          name: `C${i}`,
          figures: Object.fromEntries(s.indicators.map((d, k) => [d.name, r[k]])),
        }));
        const { rows: got, results } = rankUnder(s, subjects);
        const want = rank(
          subjects.map((x) => {
            const r = results.get(x.code)!;
            return { code: x.code, name: x.name, composite: r.composite, indicators: scoredResults(s, r.indicators) };
          }),
        );
        expect(got).toEqual(want.map((w) => ({ ...w, small_samples: [] })));
      }),
    );
  });

  it('only marks them when the scheme does not exempt them: a small figure still makes its row lag', () => {
    // p rests its 10 on 7 surveys; q scores well on both.
    const subjects = [
      { code: 'p', name: 'P', result: evaluateScheme(scheme(), f(0, 7, 50, 50)) },
      { code: 'q', name: 'Q', result: evaluateScheme(scheme(), f(45, 50, 50, 50)) },
    ];
    const rows = rankWithSamples(scheme(), subjects);
    expect(rows.map((r) => [r.code, r.rank, r.lagging, r.problems, r.small_samples])).toEqual([
      ['q', 1, false, [], []],
      ['p', 2, true, ['a'], ['a']],
    ]);
  });

  it('keeps a small figure out of lagging and problems when the scheme exempts it, rank and composite unchanged', () => {
    const subjects = [
      { code: 'p', name: 'P', result: evaluateScheme(scheme(true), f(0, 7, 50, 50)) },
      { code: 'q', name: 'Q', result: evaluateScheme(scheme(true), f(45, 50, 50, 50)) },
      // r lags on b, its large figure, whatever its small one does.
      { code: 'r', name: 'R', result: evaluateScheme(scheme(true), f(7, 7, 10, 50)) },
    ];
    const marked = rankWithSamples(scheme(), subjects);
    const exempt = rankWithSamples(scheme(true), subjects);
    expect(exempt.map((r) => [r.code, r.rank, r.composite])).toEqual(marked.map((r) => [r.code, r.rank, r.composite]));
    expect(exempt.map((r) => [r.code, r.lagging, r.problems, r.small_samples])).toEqual([
      ['q', false, [], []],
      ['p', false, [], ['a']],
      ['r', true, ['b'], ['a']],
    ]);
  });

  it('judges a row whose every scored figure is small as not lagging, and still lags a row without data', () => {
    const subjects = [
      { code: 'small', name: 'S', result: evaluateScheme(scheme(true), f(0, 7, 0, 0)) },
      {
        code: 'all-small',
        name: 'A',
        result: evaluateScheme({ ...scheme(true), indicators: [scheme().indicators[0]] }, f(0, 7, 0, 0)),
      },
    ];
    const rows = rankWithSamples(scheme(true), subjects.slice(0, 1));
    // b has no data: not reporting must not pay, small sample or not.
    expect(rows[0]).toMatchObject({ lagging: true, small_samples: ['a'] });
    const onlyA = { ...scheme(true), indicators: [scheme().indicators[0]] };
    expect(rankWithSamples(onlyA, subjects.slice(1))[0]).toMatchObject({
      lagging: false,
      problems: [],
      small_samples: ['a'],
    });
  });
});
