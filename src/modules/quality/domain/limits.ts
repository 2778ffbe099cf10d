/** What the data-quality report finds implausible. */
export interface QualityLimits {
  /** A unit whose survey answers in a month are all the same, from this many answers on. */
  identical_min_answers: number;
  /** More household visits than this by one officer in one day. */
  max_visits_per_day: number;
  /** A value that grows more than this many times, or shrinks below 1 / this, from one month to the next... */
  jump_factor: number;
  /** ...with a denominator at least this large in both months. */
  jump_min_denominator: number;
}

export const QUALITY_LIMITS: QualityLimits = {
  identical_min_answers: 10,
  max_visits_per_day: 30,
  jump_factor: 2,
  jump_min_denominator: 20,
};
