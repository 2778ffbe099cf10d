/** Whether a cron pattern is one croner runs (the schedule's settings are checked with it before they are saved). */
import { Cron } from 'croner';

/** Why a pattern is not one croner runs, or null when it is. */
export function patternError(pattern: string): string | null {
  try {
    new Cron(pattern, { paused: true });
    return null;
  } catch (e) {
    return `"${pattern}" is not a cron pattern (minute hour day month weekday): ${(e as Error).message}`;
  }
}
