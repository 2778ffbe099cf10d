import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMES, rank, withChange, type RankInput, type SchemeResult } from '../assessment/domain/index.ts';
import { commendedOf, problemKey, problemsOf } from './notification.select.ts';

const scheme = DEFAULT_SCHEMES.construction;
const indicators = (scores: number[]) =>
  Object.fromEntries(
    scheme.indicators.map((d, i) => [d.name, { score: scores[i], no_data: false }]),
  ) as RankInput['indicators'];
const row = (code: string, composite: number, scores: number[]): RankInput => ({
  code,
  name: `Area ${code}`,
  composite,
  indicators: indicators(scores),
});

// Seven areas: the last three lag whatever their scores; A7 also scores under 60.
const ranked = withChange(
  rank([
    row('A1', 95, [100, 100, 100, 100, 100]),
    row('A2', 85, [100, 100, 100, 100, 50]),
    row('A3', 80, [100, 100, 100, 100, 0]),
    row('A4', 75, [100, 100, 100, 100, 0]),
    row('A5', 70, [100, 100, 100, 100, 0]),
    row('A6', 65, [100, 100, 100, 100, 100]),
    row('A7', 40, [0, 100, 50, 100, 100]),
  ]),
  [],
);
const results = new Map<string, SchemeResult>(
  ranked.map((r) => [
    r.code,
    {
      composite: r.composite,
      indicators: Object.fromEntries(
        scheme.indicators.map((d) => [d.name, { numerator: 1, denominator: 2, value: 0.5, score: 10, no_data: false }]),
      ),
    },
  ]),
);

describe('what a notification names', () => {
  it('commends areas in the top ranks or at 90 and above, never a lagging one', () => {
    expect(commendedOf('construction', ranked, 3, 90).map((c) => c.code)).toEqual(['A1', 'A2', 'A3']);
    expect(commendedOf('construction', ranked, 1, 90).map((c) => c.code)).toEqual(['A1']);
    expect(commendedOf('construction', ranked, 0, 0).map((c) => c.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
  });

  it('names each lagging area’s failing indicators, or its composite when none fails', () => {
    const problems = problemsOf(scheme, ranked, results, new Map());
    expect(problems.map((p) => `${p.area_code}:${p.indicator}`)).toEqual([
      'A5:funds_rate',
      'A6:composite',
      'A7:coverage_rate',
      'A7:equipment_rate',
    ]);
    const a7 = problems.find((p) => p.area_code === 'A7' && p.indicator === 'coverage_rate')!;
    expect(a7).toMatchObject({ value: 0.5, target: 1, score: 10, rank: 7, streak: 1 });
    expect(problems.find((p) => p.indicator === 'composite')).toMatchObject({ value: 65, target: 60, score: 65 });
  });

  it('continues the streak of a problem named the month before', () => {
    const previous = new Map([
      [problemKey({ scheme: 'construction', area_code: 'A7', indicator: 'coverage_rate' }), 3],
    ]);
    const problems = problemsOf(scheme, ranked, results, previous);
    expect(problems.map((p) => p.streak)).toEqual([1, 1, 4, 1]);
  });
});
