/**
 * Days as integers counted from the demonstration year's first day (2019-01-01 = 0,
 * 2018-12-31 = -1), so that date arithmetic is integer arithmetic and ISO strings are made once.
 */
export const DEMO_YEAR = 2019;
export const YEAR_DAYS = 365;
/** The last day of the year (2019-12-31), the day the summary's standing figures are taken on. */
export const LAST_DAY = YEAR_DAYS - 1;

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(DEMO_YEAR, 0, 1);

/** The ISO date of every day of the year, made once. */
export const YEAR_DATES: readonly string[] = Array.from({ length: YEAR_DAYS }, (_, d) => isoOf(d));

/** MONTH_START[m] is the first day of month m (0-11); MONTH_START[12] is the next year's first. */
export const MONTH_START: readonly number[] = Array.from({ length: 13 }, (_, m) => dayOf(DEMO_YEAR, m + 1, 1));

/** The day number of a calendar date (month 1-12). */
export function dayOf(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH) / MS_PER_DAY);
}

/** The ISO date (`YYYY-MM-DD`) of a day number, for any year. */
export function iso(day: number): string {
  return day >= 0 && day < YEAR_DAYS ? YEAR_DATES[day] : isoOf(day);
}

function isoOf(day: number): string {
  return new Date(EPOCH + day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a day number: 0 = Monday ... 6 = Sunday (2019-01-01 was a Tuesday). */
export function weekday(day: number): number {
  return (((day + 1) % 7) + 7) % 7;
}
