import { describe, expect, it } from 'vitest';
import { daysWithin } from './posting-days.ts';

describe('days within a month', () => {
  const june = ['2019-06-01', '2019-06-30'] as const;
  it('counts both ends of a posting', () => {
    expect(daysWithin([{ start: '2019-06-10', end: '2019-06-10' }], ...june)).toBe(1);
    expect(daysWithin([{ start: '2019-06-11', end: null }], ...june)).toBe(20);
  });
  it('cuts postings to the month', () => {
    expect(daysWithin([{ start: '2018-01-01', end: null }], ...june)).toBe(30);
    expect(daysWithin([{ start: '2018-01-01', end: '2019-05-31' }], ...june)).toBe(0);
    expect(daysWithin([{ start: '2019-07-01', end: null }], ...june)).toBe(0);
  });
  it('adds postings and counts a shared day once', () => {
    expect(
      daysWithin(
        [
          { start: '2019-06-11', end: null },
          { start: '2019-01-01', end: '2019-06-10' },
        ],
        ...june,
      ),
    ).toBe(30);
    expect(
      daysWithin(
        [
          { start: '2019-06-01', end: '2019-06-20' },
          { start: '2019-06-15', end: '2019-06-25' },
        ],
        ...june,
      ),
    ).toBe(25);
  });
  it('takes February as it is', () => {
    expect(daysWithin([{ start: '2019-01-01', end: null }], '2020-02-01', '2020-02-29')).toBe(29);
  });
});
