/** The web's months: the core's arithmetic, its default month and the browser's today. */

export { MONTH, addMonths, endOfMonth, isMonth, monthsEnding } from '#core/calendar/month.ts';

/** The month the dashboard opens on when the URL names none (the demonstration year's last). */
export const DEFAULT_MONTH = '2019-12';

/** Today in the browser's calendar, `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
