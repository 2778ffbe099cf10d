/**
 * Rewards and punishments proposed from a scheme's composite (thresholds are scheme data):
 * a commendation at or above `commendation`; an interview when the composite stayed below
 * `interview` for `interview_months` months running, this one included; otherwise a criticism
 * below `criticism`. One measure per subject and scheme, the strongest that applies. Pure.
 */
import { createHash } from 'node:crypto';
import type { Thresholds } from '#core/schemes/scheme-definition.ts';

export type Measure = 'commendation' | 'criticism' | 'interview';
export type SubjectKind = 'area' | 'officer';

/** A subject's composites, oldest first, ending with the month proposed for. */
export interface CompositeHistory {
  month: string;
  composite: number;
}

/**
 * The measure a composite history proposes, or null.
 *
 * @example measureOf([{ month: '2019-06', composite: 95 }], DEFAULT_THRESHOLDS) // 'commendation'
 */
export function measureOf(history: readonly CompositeHistory[], t: Thresholds): Measure | null {
  const current = history[history.length - 1];
  if (!current) return null;
  if (current.composite >= t.commendation) return 'commendation';
  const recent = history.slice(-t.interview_months);
  if (recent.length === t.interview_months && recent.every((h) => h.composite < t.interview)) return 'interview';
  if (current.composite < t.criticism) return 'criticism';
  return null;
}

/**
 * A proposal's id: stable as long as the subject, scheme and measure are the same, short enough
 * for an address, and readable for the month and area it was proposed in.
 *
 * @example proposalId('2019-06', '510000000000', 'performance', 'area', '510100000000', 'criticism') // '2019-06.510000000000.3f0c...'
 */
export function proposalId(
  month: string,
  within: string,
  scheme: string,
  kind: SubjectKind,
  code: string,
  measure: Measure,
): string {
  const hash = createHash('sha256')
    .update(`${scheme}\u0000${kind}\u0000${code}\u0000${measure}`)
    .digest('hex')
    .slice(0, 12);
  return `${month}.${within}.${hash}`;
}
