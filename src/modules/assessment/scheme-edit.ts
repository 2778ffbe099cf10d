import { AppError } from '../../shared/errors.ts';
import type { AnySchemeName, Scheme } from './domain/index.ts';
import {
  definitionIssues,
  DEFAULT_THRESHOLDS,
  schemeFrom,
  type IndicatorSettings,
} from '#core/schemes/scheme-definition.ts';

export type { IndicatorSettings };

/**
 * `base` (the scheme in force) with every indicator's settings replaced, for a preview: every
 * indicator of the scheme must be given, no other name is accepted, and at least one weight must
 * be above 0 — the same rules a save applies. The result keeps `base`'s version: its figures are
 * the same, only their scoring differs.
 */
export function editedScheme<N extends AnySchemeName>(
  base: Scheme<N>,
  settings: Record<string, IndicatorSettings>,
  exemptSmallSamples = base.exempt_small_samples ?? false,
  countOnlineAnswers = base.count_online_answers ?? false,
): Scheme<N> {
  const definition = {
    indicators: settings,
    thresholds: DEFAULT_THRESHOLDS,
    exempt_small_samples: exemptSmallSamples,
    count_online_answers: countOnlineAnswers,
  };
  const issues = definitionIssues(base.name, definition);
  if (issues.length > 0)
    throw new AppError(
      'invalid_input',
      { issues: issues.map((d) => ({ at: d.path, code: d.code, params: d.params })) },
      issues,
    );
  return schemeFrom(base.name, definition, base.version ?? 0) as Scheme<N>;
}
