import { startOfDay } from '../../shared/clock.ts';

/**
 * A `since`/`until`/`before` as the stored UTC instants compare: a bare day starts at the
 * province's midnight (OUTPOST_TZ), not UTC's.
 */
export function auditInstant(v: string): string;
export function auditInstant(v: string | undefined): string | undefined;
export function auditInstant(v: string | undefined): string | undefined {
  return v !== undefined && v.length === 10 ? startOfDay(v) : v;
}
