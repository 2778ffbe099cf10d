/**
 * A scheme being edited: the form's text for each setting (rates in percent, as people write
 * them), checked by the server's own rules, and turned back into the API's numbers.
 *
 * @example
 *   const draft = draftOf(scheme);            // { indicators: { awareness_rate: { floor: '50', … } }, … }
 *   const { settings, errors } = read(scheme, draft);
 */
import { indicatorIssues, thresholdIssues, weightIssues, type Issue } from '#core/schemes/scheme-definition.ts';
import { metaOf } from '../domain/indicators.ts';
import type { SchemeView } from './types.ts';

export interface IndicatorDraft {
  weight: string;
  floor: string;
  target: string;
  better: 'higher' | 'lower';
  /** Blank: no minimum sample. */
  min_sample: string;
}
export interface SchemeDraft {
  indicators: Record<string, IndicatorDraft>;
  exempt_small_samples: boolean;
  count_online_answers: boolean;
  thresholds: Record<keyof SchemeView['thresholds'], string>;
  note: string;
}
export interface Settings {
  indicators: Record<
    string,
    { weight: number; floor: number; target: number; better: 'higher' | 'lower'; min_sample: number | null }
  >;
  thresholds: SchemeView['thresholds'];
  exempt_small_samples: boolean;
  /** Performance: the public form's answers count in awareness and satisfaction. */
  count_online_answers: boolean;
}
/** Field errors by `indicator.field` or `thresholds.name`, as message keys. */
export type DraftErrors = Record<
  string,
  | 'scheme.err.number'
  | 'scheme.err.weight'
  | 'scheme.err.equal'
  | 'scheme.err.side'
  | 'scheme.err.noWeight'
  | 'scheme.err.composite'
  | 'scheme.err.months'
  | 'scheme.err.order'
  | 'scheme.err.sample'
>;

/** Whether an indicator's floor and target are shown and typed in percent. */
export function inPercent(indicator: SchemeView['indicators'][number]): boolean {
  return metaOf(indicator).unit === 'rate';
}

const text = (n: number) => String(Math.round(n * 1e9) / 1e9);

export function draftOf(scheme: SchemeView): SchemeDraft {
  return {
    indicators: Object.fromEntries(
      scheme.indicators.map((i) => {
        const k = inPercent(i) ? 100 : 1;
        return [
          i.name,
          {
            weight: text(i.weight),
            floor: text(i.floor * k),
            target: text(i.target * k),
            better: i.better,
            min_sample: i.min_sample == null ? '' : text(i.min_sample),
          },
        ];
      }),
    ),
    thresholds: {
      commendation: text(scheme.thresholds.commendation),
      criticism: text(scheme.thresholds.criticism),
      interview: text(scheme.thresholds.interview),
      interview_months: text(scheme.thresholds.interview_months),
    },
    exempt_small_samples: scheme.exempt_small_samples ?? false,
    count_online_answers: scheme.count_online_answers ?? false,
    note: '',
  };
}

/** A typed number; blank or not a number is NaN, which the rules refuse as such. */
function num(s: string): number {
  return s.trim() === '' ? Number.NaN : Number(s);
}

/**
 * The form's own words for each code of the core's scheme validation (it shows floors and
 * targets in percent, as they are typed, where the registry's texts say the stored fractions).
 */
const SAID: Record<string, DraftErrors[string]> = {
  weight_out_of_range: 'scheme.err.weight',
  expected_number: 'scheme.err.number',
  floor_equals_target: 'scheme.err.equal',
  target_worse_side: 'scheme.err.side',
  no_weight_above_zero: 'scheme.err.noWeight',
  threshold_out_of_range: 'scheme.err.composite',
  interview_months_out_of_range: 'scheme.err.months',
  criticism_above_commendation: 'scheme.err.order',
  min_sample_out_of_range: 'scheme.err.sample',
};

/** The field an issue is shown at. */
function fieldOf(issue: Issue): string {
  if (issue.code === 'no_weight_above_zero') return 'weights';
  const path = issue.path.replace(/^indicators\./, '');
  return issue.code === 'floor_equals_target' ? `${path}.target` : path;
}

/**
 * The draft as the API's numbers, with what is wrong in it (nothing wrong: `errors` is empty),
 * by the server's own rules (the core's scheme validation): a blank field reads as not a number.
 */
export function read(scheme: SchemeView, draft: SchemeDraft): { settings: Settings; errors: DraftErrors } {
  const issues: Issue[] = [];
  const indicators: Settings['indicators'] = {};
  for (const i of scheme.indicators) {
    const d = draft.indicators[i.name];
    const k = inPercent(i) ? 100 : 1;
    const typed = {
      weight: num(d.weight),
      floor: num(d.floor),
      target: num(d.target),
      better: d.better,
      min_sample: d.min_sample.trim() === '' ? null : num(d.min_sample),
    };
    issues.push(...indicatorIssues(i.name, typed));
    indicators[i.name] = { ...typed, floor: typed.floor / k, target: typed.target / k };
  }
  issues.push(...weightIssues(Object.values(indicators)));
  const thresholds = {} as Settings['thresholds'];
  for (const key of Object.keys(draft.thresholds) as (keyof Settings['thresholds'])[])
    thresholds[key] = num(draft.thresholds[key]);
  issues.push(...thresholdIssues(thresholds));
  const errors: DraftErrors = {};
  // The first issue of a field is the one shown.
  for (const issue of issues) errors[fieldOf(issue)] ??= SAID[issue.code] ?? 'scheme.err.number';
  const clean = (n: number) => (Number.isFinite(n) ? n : 0);
  for (const s of Object.values(indicators)) {
    s.weight = clean(s.weight);
    s.floor = clean(s.floor);
    s.target = clean(s.target);
    if (s.min_sample !== null && !Number.isFinite(s.min_sample)) s.min_sample = null;
  }
  for (const key of Object.keys(thresholds) as (keyof Settings['thresholds'])[])
    thresholds[key] = clean(thresholds[key]);
  return {
    settings: {
      indicators,
      thresholds,
      exempt_small_samples: draft.exempt_small_samples,
      count_online_answers: draft.count_online_answers,
    },
    errors,
  };
}

/** Whether the settings differ from the scheme in force. */
export function changed(scheme: SchemeView, settings: Settings): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return (
    scheme.indicators.some((i) => {
      const s = settings.indicators[i.name];
      return (
        !near(s.weight, i.weight) ||
        !near(s.floor, i.floor) ||
        !near(s.target, i.target) ||
        s.better !== i.better ||
        s.min_sample !== (i.min_sample ?? null)
      );
    }) ||
    settings.exempt_small_samples !== (scheme.exempt_small_samples ?? false) ||
    settings.count_online_answers !== (scheme.count_online_answers ?? false) ||
    (Object.keys(scheme.thresholds) as (keyof Settings['thresholds'])[]).some(
      (k) => !near(scheme.thresholds[k], settings.thresholds[k]),
    )
  );
}
