import { describe, expect, it } from 'vitest';
import { addMonths, endOfMonth, isMonth, monthsEnding } from './month.ts';

describe('months', () => {
  it('count across years both ways', () => {
    expect(addMonths('2019-01', -1)).toBe('2018-12');
    expect(addMonths('2019-12', 1)).toBe('2020-01');
    expect(addMonths('2019-03', -27)).toBe('2016-12');
    expect(monthsEnding('2019-02', 3)).toEqual(['2018-12', '2019-01', '2019-02']);
  });

  it('end on the calendar’s last day, leap years included', () => {
    expect(endOfMonth('2020-02')).toBe('2020-02-29');
    expect(endOfMonth('2019-02')).toBe('2019-02-28');
    expect(endOfMonth('2019-12')).toBe('2019-12-31');
  });

  it('know a month when they see one', () => {
    expect(isMonth('2019-06')).toBe(true);
    expect(isMonth('2019-13')).toBe(false);
    expect(isMonth('2019-6')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
