import { describe, expect, it } from 'vitest';
import { emptyTally, fiveOf, serviceStart } from './five-problems.ts';

describe('five problems', () => {
  it('finds the start of continuous front-line service through postings without a gap', () => {
    const postings = [
      { start_date: '2015-01-01', end_date: '2016-12-31' },
      { start_date: '2017-03-01', end_date: '2018-05-31' },
      { start_date: '2018-06-01', end_date: '2019-06-10' },
      { start_date: '2019-06-11', end_date: null },
    ];
    expect(serviceStart(postings, '2019-06-11')).toBe('2017-03-01');
    expect(serviceStart([], '2019-06-11')).toBe('2019-06-11');
  });

  it('divides sums, and has no value where there is nothing to measure', () => {
    const five = fiveOf({ ...emptyTally(), rooms: 4, staffed: 3, officers: 0 });
    expect(five.people).toEqual({ measure: 'staffing_rate', numerator: 3, denominator: 4, value: 0.75 });
    expect(five.retention.value).toBeNull();
    expect(five.retention.turnover.value).toBeNull();
    expect(five.premises.value).toBeNull();
  });
});
