import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RankInput, type RankingRow, rank, roundComposite, withChange } from './ranking.ts';

const ok = { score: 100, no_data: false };
/** A row whose indicators all score 100 unless overridden. */
const row = (code: string, composite: number, indicators: RankInput['indicators'] = { x: ok }): RankInput => ({
  code,
  name: `Area ${code}`,
  composite,
  indicators,
});
const ranks = (rows: RankingRow[]): [string, number][] => rows.map((r) => [r.code, r.rank]);
const laggards = (rows: RankingRow[]): string[] => rows.filter((r) => r.lagging).map((r) => r.code);

describe('rankings', () => {
  it('orders by composite descending', () => {
    expect(ranks(rank([row('a', 70), row('b', 90), row('c', 80)]))).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('shares a rank between equal composites, then orders them by code', () => {
    const out = rank([row('d', 60), row('c', 80), row('b', 80), row('a', 90)]);
    expect(ranks(out)).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('compares composites rounded to 9 decimal places', () => {
    expect(roundComposite(70.0000000001)).toBe(70);
    const out = rank([row('b', 70.0000000001), row('a', 70), row('c', 70.000000001)]);
    expect(ranks(out)).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
    expect(out.map((r) => r.composite)).toEqual([70.000000001, 70, 70.0000000001]);
  });

  it('breaks ties by plain string comparison of codes', () => {
    expect(rank([row('a', 70), row('B', 70), row('9', 70), row('10', 70)]).map((r) => r.code)).toEqual([
      '10',
      '9',
      'B',
      'a',
    ]);
  });

  it('ranks nothing as nothing', () => {
    expect(rank([])).toEqual([]);
  });

  it('has no last-three rule with 5 areas ranked', () => {
    expect(laggards(rank([90, 85, 80, 75, 70].map((c, i) => row(`a${i}`, c))))).toEqual([]);
  });

  it('makes the last three lag with 6 areas ranked', () => {
    expect(laggards(rank([90, 85, 80, 75, 70, 65].map((c, i) => row(`a${i}`, c))))).toEqual(['a3', 'a4', 'a5']);
  });

  it('makes the last three lag with 7 areas ranked', () => {
    expect(laggards(rank([90, 85, 80, 75, 70, 65, 61].map((c, i) => row(`a${i}`, c))))).toEqual(['a4', 'a5', 'a6']);
  });

  it('applies the last-three rule to shared ranks, not positions', () => {
    // ranks 1, 2, 3, 3, 5, 6: rank 3 is not > n - 3 = 3, so only two rows lag by rank.
    const out = rank([90, 85, 80, 80, 70, 65].map((c, i) => row(`a${i}`, c)));
    expect(out.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5, 6]);
    expect(laggards(out)).toEqual(['a4', 'a5']);
    // ranks 1, 2, 3, 4, 4, 4: all three tied at 4 lag.
    const tiedLast = rank([90, 85, 80, 70, 70, 70].map((c, i) => row(`a${i}`, c)));
    expect(laggards(tiedLast)).toEqual(['a3', 'a4', 'a5']);
  });

  it('makes a composite below 60 lag, and 60 itself not', () => {
    const out = rank([row('a', 60), row('b', 59.999999)]);
    expect(out.map((r) => [r.code, r.lagging])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('makes a row with a no_data indicator lag and lists that indicator, scoring 0, as a problem', () => {
    const out = rank([row('a', 95, { x: ok, y: { score: 0, no_data: true } }), row('b', 90)]);
    expect(out[0]).toEqual({
      rank: 1,
      code: 'a',
      name: 'Area a',
      composite: 95,
      lagging: true,
      problems: ['y'],
    });
    expect(out[1].lagging).toBe(false);
  });

  it('lists the problems of every row alphabetically: indicators scoring below 60, not 60 itself', () => {
    const indicators = {
      zeta: { score: 10, no_data: false },
      alpha: { score: 59.99, no_data: false },
      mid: { score: 60, no_data: false },
      beta: { score: 0, no_data: false },
    };
    const [r] = rank([row('a', 75, indicators)]);
    expect(r.lagging).toBe(false);
    expect(r.problems).toEqual(['alpha', 'beta', 'zeta']);
  });

  it('does not depend on the input order (property)', () => {
    fc.assert(
      fc.property(
        arbRows().chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, {
              minLength: rows.length,
              maxLength: rows.length,
            }),
          ),
        ),
        ([rows, shuffled]) => {
          expect(rank(shuffled)).toEqual(rank(rows));
        },
      ),
    );
  });

  it('numbers ranks from 1, by position unless tied with the row before (property)', () => {
    fc.assert(
      fc.property(arbRows(), (rows) => {
        const out = rank(rows);
        expect(out).toHaveLength(rows.length);
        out.forEach((r, i) => {
          const tied = i > 0 && roundComposite(out[i - 1].composite) === roundComposite(r.composite);
          if (i === 0) expect(r.rank).toBe(1);
          else {
            expect(r.rank).toBeGreaterThanOrEqual(out[i - 1].rank);
            expect(roundComposite(r.composite)).toBeLessThanOrEqual(roundComposite(out[i - 1].composite));
            if (tied) expect(out[i - 1].code < r.code).toBe(true);
          }
          expect(r.rank).toBe(tied ? out[i - 1].rank : i + 1);
        });
      }),
    );
  });
});

describe('rank changes', () => {
  it('compares each row with the same code in the previous ranking', () => {
    const previous = rank([row('a', 90), row('b', 80), row('c', 70)]);
    const current = rank([row('c', 95), row('a', 85), row('d', 50)]);
    expect(
      withChange(current, previous).map((r) => [r.code, r.previous_rank, r.rank_change, r.composite_change]),
    ).toEqual([
      ['c', 3, 2, 25],
      ['a', 1, -1, -5],
      ['d', null, null, null],
    ]);
  });
});

/** Rows with unique codes and composites that often tie, exactly or below the 9th decimal. */
function arbRows(): fc.Arbitrary<RankInput[]> {
  const composite = fc.oneof(
    fc.constantFrom(0, 40, 59.999999999, 60, 70, 70.0000000001, 70.000000001, 100),
    fc.double({ min: 0, max: 100, noNaN: true }),
  );
  const indicator = fc.record({
    score: fc.double({ min: 0, max: 100, noNaN: true }),
    no_data: fc.boolean(),
  });
  return fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 12 }).chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc.record({
          code: fc.constant(code),
          name: fc.constant(`Area ${code}`),
          composite,
          indicators: fc.dictionary(fc.constantFrom('p', 'q', 'r', 's'), indicator),
        }),
      ),
    ),
  );
}
