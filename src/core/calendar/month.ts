/**
 * Month arithmetic on `YYYY-MM` strings, in the calendar alone (no time zones): the server's
 * assessment and the web's pickers count months the same way.
 *
 * @example addMonths('2019-01', -1) // '2018-12'
 */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(v: string | null | undefined): v is string {
  return !!v && MONTH.test(v);
}

/** The month `n` months after `month` (before, when n < 0). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEnding(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** The last day of the month, `YYYY-MM-DD`: the day SPEC §3 calls the end of M. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
