import type { Figures } from './figures.ts';

/**
 * The answers of the public survey form, an area's own figure beside awareness and satisfaction
 * (issue 16): an anonymous form can be flooded, so they count in those scored rates only where
 * the year's performance scheme says so (`count_online_answers`). Each is summed over the area
 * as the rates are; `awareness` and `satisfaction` are the rates' own numerator and denominator.
 */
export interface OnlineAnswers {
  /** Answers taken in the month in the area. */
  answers: number;
  awareness: { numerator: number; denominator: number; value: number | null };
  satisfaction: { numerator: number; denominator: number; value: number | null };
  /** Whether the year's scheme counts them in awareness_rate and satisfaction_rate. */
  counted: boolean;
}

/** The rates the answers may count in; `online_answers` holds their number (denominator 0). */
export const ONLINE_SCHEME = {
  name: 'online',
  indicators: ['online_answers', 'awareness_rate', 'satisfaction_rate'].map((name) => ({
    name,
    better: 'higher' as const,
    floor: 0,
    target: 1,
    weight: 0,
    scale: 1,
  })),
};

/** An area's rolled-up online figures as shown. */
export function onlineAnswersOf(figures: Figures, counted: boolean): OnlineAnswers {
  const rate = (name: string) => {
    const { numerator, denominator } = figures[name] ?? { numerator: 0, denominator: 0 };
    return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
  };
  return {
    answers: figures.online_answers?.numerator ?? 0,
    awareness: rate('awareness_rate'),
    satisfaction: rate('satisfaction_rate'),
    counted,
  };
}
