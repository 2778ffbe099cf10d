/**
 * The server's clock and calendar: instants from the system clock, days and times of day in the
 * time zone `OUTPOST_TZ` (default Asia/Shanghai), whatever zone the machine itself is set to.
 * The schedule, quiet hours and every date the server decides come from here, never from a
 * client.
 *
 * @example
 *   today();                                   // '2019-07-05' in Asia/Shanghai
 *   dayOf(new Date('2019-07-04T17:00:00Z'));   // '2019-07-05' (01:00 in Shanghai)
 */

export const DEFAULT_TZ = 'Asia/Shanghai';

/** The zone of the calendar: OUTPOST_TZ when it names a zone this runtime knows, else Asia/Shanghai. */
export function timeZone(env: NodeJS.ProcessEnv = process.env): string {
  const tz = env.OUTPOST_TZ?.trim();
  if (!tz) return DEFAULT_TZ;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    throw new Error(`OUTPOST_TZ: "${tz}" is not a time zone (e.g. Asia/Shanghai)`);
  }
}

/** The instant now. */
export function now(): Date {
  return new Date();
}

const formats = new Map<string, Intl.DateTimeFormat>();

function parts(at: Date, tz: string): Record<string, string> {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(tz, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayOf(at: Date, tz = timeZone()): string {
  const p = parts(at, tz);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The time of day (HH:MM) of an instant in the zone. */
export function timeOfDay(at: Date, tz = timeZone()): string {
  const p = parts(at, tz);
  return `${p.hour}:${p.minute}`;
}

/** Today in the zone. */
export function today(tz = timeZone()): string {
  return dayOf(now(), tz);
}

/**
 * The first instant of a day in the zone (midnight there; the earliest instant of the day when a
 * clock change skips midnight).
 */
export function startOfDay(day: string, tz = timeZone()): Date {
  // Start from UTC midnight and correct by the zone's offset, twice for a change in between.
  let t = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(t), tz);
    const seen = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:00Z`);
    t -= seen - Date.parse(`${day}T00:00:00Z`);
  }
  return new Date(t);
}

/** The day after, or `n` days after (negative: before), on the calendar. */
export function addDays(day: string, n = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included, oldest first (none when `from` is later). */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d)) out.push(d);
  return out;
}
