/** Month arithmetic on `YYYY-MM` strings, in the calendar alone (no time zones). */

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month the dashboard opens on when the URL names none (the demonstration year's last). */
export const DEFAULT_MONTH = '2019-12';

export function isMonth(v: string | null | undefined): v is string {
  return !!v && MONTH.test(v);
}

/** `addMonths('2019-01', -1)` is `'2018-12'`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEnding(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** The last day of the month, `YYYY-MM-DD`. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Today in the browser's calendar, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
