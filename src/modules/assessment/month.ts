import { AppError } from '../../shared/errors.ts';
import { addMonths, endOfMonth, monthsEnding as monthsEndingOf } from '#core/calendar/month.ts';

/** A month `YYYY-MM` with its first and last day. */
export interface Month {
  month: string;
  first: string;
  last: string;
  year: number;
}

export function parseMonth(month: string): Month {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new AppError('month_invalid', { value: month ?? '' });
  return { month, first: `${month}-01`, last: endOfMonth(month), year: Number(m[1]) };
}

/** The month before: 2019-01 -> 2018-12. */
export function previousMonth(month: string): string {
  return monthsBack(month, 1);
}

/** The month `n` months before (n >= 0): monthsBack('2019-03', 3) = '2018-12'. */
export function monthsBack(month: string, n: number): string {
  parseMonth(month);
  return addMonths(month, -n);
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  parseMonth(month);
  return monthsEndingOf(month, n);
}
