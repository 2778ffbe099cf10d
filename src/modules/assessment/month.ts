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
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw new AppError('invalid_input', `month: "${month ?? ''}" is not a month (YYYY-MM)`);
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
