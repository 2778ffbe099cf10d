/**
 * The server's one clock: every "today", every current month and every day boundary is taken in
 * the province's time zone (`OUTPOST_TZ`, default Asia/Shanghai), never in the zone of the
 * machine the server happens to run on. Instants (`now()`, stored timestamps) are zone-free and
 * written in UTC; only turning an instant into a day or a day into an instant needs the zone.
 * Server-only: the web asks the server for its today (`GET meta`).
 *
 * @example
 *   // at 2019-12-31T17:00:00Z, on a server whose own zone is UTC:
 *   today();        // '2020-01-01' (already New Year's Day in Shanghai)
 *   currentMonth(); // '2020-01'
 */

/** The zone when OUTPOST_TZ is unset. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

/**
 * The IANA zone of every day and month boundary: OUTPOST_TZ, else Asia/Shanghai. An unknown
 * zone stops whatever asked, naming the setting, rather than count days in a zone nobody meant.
 */
export function timeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.OUTPOST_TZ?.trim() || DEFAULT_TIME_ZONE;
  try {
    format(zone);
  } catch {
    throw new Error(`OUTPOST_TZ: "${zone}" is not a time zone (an IANA name such as Asia/Shanghai)`);
  }
  return zone;
}

/** The current instant. */
export function now(): Date {
  return new Date();
}

/** The current instant as stored: ISO 8601 in UTC (`2019-12-31T17:00:00.000Z`). */
export function timestamp(): string {
  return now().toISOString();
}

/** The calendar fields of an instant in the zone. */
function fields(instant: Date, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(
    format(zone)
      .formatToParts(instant)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayOf(instant: Date | string, zone: string = timeZone()): string {
  const f = fields(typeof instant === 'string' ? new Date(instant) : instant, zone);
  return `${String(f.year).padStart(4, '0')}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`;
}

/** Today in the province's calendar, YYYY-MM-DD. */
export function today(): string {
  return dayOf(now());
}

/** The current month in the province's calendar, YYYY-MM. */
export function currentMonth(): string {
  return today().slice(0, 7);
}

/** The current year in the province's calendar. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/**
 * The instant a day begins in the zone, as stored timestamps are written (UTC ISO), so that a
 * filter "from day D" on stored instants starts at the province's midnight, not UTC's.
 */
export function startOfDay(day: string, zone: string = timeZone()): string {
  const [y, m, d] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment, found by reading the UTC midnight back in the zone; a
  // second pass settles the days a zone changes its offset.
  let guess = midnightUtc;
  for (let i = 0; i < 2; i++) {
    const f = fields(new Date(guess), zone);
    const shown = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
    guess = midnightUtc - (shown - guess);
  }
  return new Date(guess).toISOString();
}

/** The time of day (HH:MM) of an instant in the zone. */
export function timeOfDay(instant: Date, zone: string = timeZone()): string {
  const f = fields(instant, zone);
  return `${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`;
}

/** The day `n` days after `day` (negative: before) on the calendar; the next day by default. */
export function addDays(day: string, n = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included, oldest first (none when `from` is later). */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d)) out.push(d);
  return out;
}
