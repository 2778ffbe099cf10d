import type { Figures } from './figures.ts';

/**
 * Figures shown beside the performance scheme but never scored (they have no weight, floor or
 * target): each is a numerator and a denominator summed over the area before dividing.
 * - visits_per_officer: household visits dated in the month / front-line officers at its end;
 * - households_visited_share: distinct households visited in the twelve months ending with the
 *   month / households (latest population year up to the month's year);
 * - info_adopted_share: information reports dated in the month and adopted / all of them.
 */
export const INFORMATIONAL = ['visits_per_officer', 'households_visited_share', 'info_adopted_share'] as const;
export type InformationalName = (typeof INFORMATIONAL)[number];

export interface InformationalResult {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0. */
  value: number | null;
}

/** The informational figures of an area, in INFORMATIONAL order (missing ones are 0 / 0). */
export function evaluateInformational(figures: Figures): Record<InformationalName, InformationalResult> {
  const out = {} as Record<InformationalName, InformationalResult>;
  for (const name of INFORMATIONAL) {
    const { numerator, denominator } = figures[name] ?? { numerator: 0, denominator: 0 };
    out[name] = { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
  }
  return out;
}

/** The informational figures as a scheme-like list of names, for roll-ups. */
export const INFORMATIONAL_SCHEME = {
  name: 'informational',
  indicators: INFORMATIONAL.map((name) => ({
    name,
    better: 'higher' as const,
    floor: 0,
    target: 1,
    weight: 0,
    scale: 1,
  })),
};
