import type { Lang } from '#core/documents/document.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A day written out as documents write it: 2019年7月5日 (GB/T 9704: Arabic numerals, no
 * leading zeros) or 5 July 2019.
 */
export function writtenDate(day: string, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 2019年6月 or June 2019. */
export function writtenMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月` : `${MONTHS[m - 1]} ${y}`;
}

/** The day `days` after `day` (YYYY-MM-DD, UTC calendar). */
export function addDays(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The same day `months` months later (earlier when negative), clamped to the month's end: 2019-03-31 - 1 -> 2019-02-28. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
