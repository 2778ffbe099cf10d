import { AppError } from '../../shared/errors.ts';

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
  const year = Number(m[1]);
  const days = new Date(Date.UTC(year, Number(m[2]), 0)).getUTCDate();
  return { month, first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, year };
}

/** The month before: 2019-01 -> 2018-12. */
export function previousMonth(month: string): string {
  const { year } = parseMonth(month);
  const m = Number(month.slice(5));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** The month `n` months before (n >= 0): monthsBack('2019-03', 3) = '2018-12'. */
export function monthsBack(month: string, n: number): string {
  const { year } = parseMonth(month);
  const index = year * 12 + Number(month.slice(5)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => monthsBack(month, n - 1 - i));
}
