/**
 * When a failed delivery is tried again: 30 s after the first failure, doubling up to an hour,
 * and given up after MAX_ATTEMPTS (about five hours of trying; an admin may send it again). A
 * robot that says it is sent too much is tried again after a minute, its pace.
 *
 * @example retryDelayMs(1) // 30_000; retryDelayMs(3) // 120_000
 */

export const MAX_ATTEMPTS = 12;
const FIRST_MS = 30_000;
const CAP_MS = 3_600_000;
export const RATE_LIMITED_MS = 60_000;

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number): number {
  return Math.min(CAP_MS, FIRST_MS * 2 ** Math.max(0, attempts - 1));
}

/** Whether a delivery that has failed `attempts` times is tried again. */
export function triesAgain(attempts: number): boolean {
  return attempts < MAX_ATTEMPTS;
}
