/** Whether a cron pattern is one croner runs (the schedule's settings are checked with it before they are saved). */
import { Cron } from 'croner';

/** What croner says is wrong with a pattern (the detail of `cron_invalid`), or null when it runs. */
export function patternError(pattern: string): string | null {
  try {
    new Cron(pattern, { paused: true });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
