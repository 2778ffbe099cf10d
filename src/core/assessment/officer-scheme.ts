import type { Scheme } from './scheme.ts';

/**
 * The default scheme of a front-line officer's month (the `officer` scheme):
 * - familiarity_rate: correct / sampled over the officer's own checks dated in the month;
 * - info_provision_rate: 1 / 1 when the officer filed >= 2 information reports dated in the
 *   month, else 0 / 1: over a span of months the figures sum to the share of months with >= 2
 *   (and over an area's officers to the area's info_provision_rate);
 * - visits_per_week: household visits dated in the month / (days of the month the officer was
 *   posted front-line / 7), against a target of 10 a week.
 */
export const OFFICER_SCHEME: Scheme<'officer'> = {
  name: 'officer',
  indicators: [
    { name: 'familiarity_rate', better: 'higher', floor: 0.6, target: 0.95, weight: 40, scale: 1 },
    { name: 'info_provision_rate', better: 'higher', floor: 0.5, target: 1.0, weight: 30, scale: 1 },
    { name: 'visits_per_week', better: 'higher', floor: 5, target: 10, weight: 30, scale: 1 },
  ],
};

/** Reports an officer must file in a month to count as providing information (SPEC §3). */
export const REPORTS_FOR_PROVISION = 2;
