import type { QualityLimits } from './limits.ts';

export interface Observed {
  value: number | null;
  denominator: number;
}

/**
 * Whether an indicator jumped from one month to the next: both months have a value on a
 * denominator of at least `jump_min_denominator`, and the value more than multiplied by
 * `jump_factor` (`up`; from 0 to anything above 0 counts) or fell below 1 / `jump_factor` of
 * itself (`down`; to 0 from anything above counts).
 *
 * @example jumpOf({ value: 0.3, denominator: 40 }, { value: 0.7, denominator: 45 }, QUALITY_LIMITS) // 'up'
 */
export function jumpOf(before: Observed, now: Observed, limits: QualityLimits): 'up' | 'down' | null {
  if (before.value === null || now.value === null) return null;
  if (before.denominator < limits.jump_min_denominator || now.denominator < limits.jump_min_denominator) return null;
  if (now.value > before.value * limits.jump_factor) return 'up';
  if (now.value * limits.jump_factor < before.value) return 'down';
  return null;
}

/** Whether a unit's answers are implausibly uniform: enough of them, all alike. */
export function allAlike(answers: number, distinct: number, limits: QualityLimits): boolean {
  return answers >= limits.identical_min_answers && distinct === 1;
}
