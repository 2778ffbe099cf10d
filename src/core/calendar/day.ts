/**
 * Days and the plausible span of the calendar, in the calendar alone (no time zones): one
 * judgement of "is this a day" and "is this year plausible" for the API's and the CLI's schemas
 * (#core/contracts/common.ts), the import columns and the web.
 *
 * @example isCalendarDay('2019-02-29') // false
 */

/** The first and last years a month, day or year given to Outpost may name (SPEC's data is 2019). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day that exists (no 2019-02-29, no 2019-13-45), in any year. */
export function isCalendarDay(v: string): boolean {
  const m = DAY.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A `YYYY…` month or day whose year lies within FIRST_YEAR..LAST_YEAR. */
export function inPlausibleYears(v: string): boolean {
  const year = Number(v.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
