/**
 * An account's quiet hours: its messages wait (they are never dropped) until the hours end.
 * Hours are HH:MM in OUTPOST_TZ and may span midnight (22:00–07:00).
 *
 * @example quietEnd(new Date('2019-07-04T15:00:00Z'), '22:00', '07:00', 'Asia/Shanghai') // 2019-07-04T23:00:00Z
 */
import { addDays, dayOf, startOfDay, timeOfDay } from '../../shared/clock.ts';

export { HOUR_MINUTE } from '#core/channels/channel-words.ts';

/** When the quiet hours holding `at` end; null when `at` is outside them (or none are set). */
export function quietEnd(at: Date, from: string | null, until: string | null, tz: string): Date | null {
  if (!from || !until || from === until) return null;
  const t = timeOfDay(at, tz);
  const day = dayOf(at, tz);
  const wraps = from > until;
  const inside = wraps ? t >= from || t < until : t >= from && t < until;
  if (!inside) return null;
  const endDay = wraps && t >= from ? addDays(day) : day;
  return atTime(endDay, until, tz);
}

/** The instant of HH:MM on a day in the zone (the zone's offset at midnight: China keeps no summer time). */
function atTime(day: string, hm: string, tz: string): Date {
  const [h, m] = hm.split(':').map(Number);
  return new Date(Date.parse(startOfDay(day, tz)) + (h * 60 + m) * 60_000);
}
