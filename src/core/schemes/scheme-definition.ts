/**
 * A scheme as data: the settings of each indicator (weight, floor, target, better) and the
 * thresholds of rewards and punishments, as an admin saves them for a year. Which indicators a
 * scheme has, their order and their scale are the code's (the queries compute them); everything
 * else is data. Pure: no database.
 */
import { DEFAULT_SCHEMES, OFFICER_SCHEME, type AnySchemeName, type Better, type Scheme } from '../assessment/index.ts';
import { fieldDetail, type FieldDetail } from '../errors/field-issues.ts';
import { coded, type CodedAs } from '../errors/registry.ts';

export const SCHEME_NAMES: readonly AnySchemeName[] = ['performance', 'construction', 'officer'];

export interface IndicatorSettings {
  /** 0 = shown but not scored; at least one indicator of a scheme is scored. */
  weight: number;
  floor: number;
  target: number;
  better: Better;
  /** The fewest cases a figure may rest on before it is marked a small sample; null or absent: none. */
  min_sample?: number | null;
}

/** When a composite proposes a reward or a punishment (see rewards). */
export interface Thresholds {
  /** A composite at or above it proposes a commendation. */
  commendation: number;
  /** A composite below it proposes a criticism. */
  criticism: number;
  /** Below it for `interview_months` months running (this one included) proposes an interview. */
  interview: number;
  interview_months: number;
}

export interface SchemeDefinition {
  indicators: Record<string, IndicatorSettings>;
  thresholds: Thresholds;
  /** Small samples make no row lag and name no problem (assessment/samples.ts); absent: false. */
  exempt_small_samples?: boolean;
  /** Performance: the public form's answers count in awareness and satisfaction; absent: false. */
  count_online_answers?: boolean;
}

/** What a save may change: any indicators' settings (each in part), any thresholds, the two rules. */
export interface SchemeEdit {
  indicators?: Record<string, Partial<IndicatorSettings>>;
  thresholds?: Partial<Thresholds>;
  exempt_small_samples?: boolean;
  count_online_answers?: boolean;
}

/**
 * One place wrong in a definition: its path, the registered code of the rule it breaks (so that
 * a form can say it in its own words, or in the registry's), its parameters and English text.
 */
export type Issue = FieldDetail;

const issue = (path: string, problem: CodedAs): Issue => fieldDetail({ at: path, ...problem }, path);

/** A number as a message shows it; what is no number (NaN, a string sent as a weight) as text. */
function shown(v: unknown): number | string {
  return typeof v === 'number' && Number.isFinite(v) ? v : String(v);
}

export const DEFAULT_THRESHOLDS: Thresholds = { commendation: 90, criticism: 60, interview: 60, interview_months: 3 };

const MAX_WEIGHT = 1000;
/** The largest minimum sample a scheme may ask for (a province's residents, for a rate per 10,000). */
export const MAX_SAMPLE = 100_000_000;

/** The scheme shipped with Outpost: the fallback of a year with no saved version. */
export function shippedScheme(name: AnySchemeName): Scheme<AnySchemeName> {
  return name === 'officer' ? OFFICER_SCHEME : DEFAULT_SCHEMES[name];
}

export function isSchemeName(name: string): name is AnySchemeName {
  return (SCHEME_NAMES as readonly string[]).includes(name);
}

/** The shipped scheme as a definition. */
export function shippedDefinition(name: AnySchemeName): SchemeDefinition {
  const indicators: Record<string, IndicatorSettings> = {};
  for (const d of shippedScheme(name).indicators)
    indicators[d.name] = { weight: d.weight, floor: d.floor, target: d.target, better: d.better };
  return { indicators, thresholds: { ...DEFAULT_THRESHOLDS } };
}

/**
 * `base` with the edit laid over it (a new object). Unknown indicator names are kept so that
 * validation can name them.
 *
 * @example applyEdit(shippedDefinition('performance'), { indicators: { crime_rate: { weight: 30 } } })
 */
export function applyEdit(base: SchemeDefinition, edit: SchemeEdit): SchemeDefinition {
  const indicators: Record<string, IndicatorSettings> = {};
  for (const [name, s] of Object.entries(base.indicators)) indicators[name] = { ...s };
  for (const [name, s] of Object.entries(edit.indicators ?? {}))
    indicators[name] = { ...indicators[name], ...s } as IndicatorSettings;
  return {
    indicators,
    thresholds: { ...base.thresholds, ...edit.thresholds },
    exempt_small_samples: edit.exempt_small_samples ?? base.exempt_small_samples ?? false,
    count_online_answers: edit.count_online_answers ?? base.count_online_answers ?? false,
  };
}

/**
 * Everything wrong with a definition of `name`, each with the place it is wrong at: an unknown
 * or missing indicator, a weight outside 0..1000, no weight above 0, a floor equal to its
 * target, a target on the worse side of its floor, thresholds out of order.
 */
export function definitionIssues(name: AnySchemeName, def: SchemeDefinition): Issue[] {
  const issues: Issue[] = [];
  const known = shippedScheme(name).indicators.map((d) => d.name);
  for (const n of Object.keys(def.indicators))
    if (!known.includes(n))
      issues.push(issue(`indicators.${n}`, coded('indicator_not_in_scheme', { scheme: name, known })));
  for (const n of known) {
    const s = def.indicators[n];
    const at = `indicators.${n}`;
    if (!s) {
      issues.push(issue(at, coded('indicator_settings_missing', {})));
      continue;
    }
    issues.push(...indicatorIssues(at, s));
  }
  issues.push(...weightIssues(known.map((n) => def.indicators[n])));
  issues.push(...thresholdIssues(def.thresholds));
  return issues;
}

/**
 * What is wrong with one indicator's settings at `at` (`indicators.crime_rate`): a weight outside
 * 0..1000, a floor or target that is not a number, a floor equal to its target, a target on the
 * worse side of its floor.
 */
export function indicatorIssues(at: string, s: IndicatorSettings): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isFinite(s.weight) || s.weight < 0 || s.weight > MAX_WEIGHT)
    issues.push(issue(`${at}.weight`, coded('weight_out_of_range', { value: shown(s.weight), max: MAX_WEIGHT })));
  if (!Number.isFinite(s.floor)) issues.push(issue(`${at}.floor`, coded('expected_number', {})));
  if (!Number.isFinite(s.target)) issues.push(issue(`${at}.target`, coded('expected_number', {})));
  if (s.better !== 'higher' && s.better !== 'lower')
    issues.push(issue(`${at}.better`, coded('better_invalid', { value: String(s.better) })));
  else if (s.floor === s.target) issues.push(issue(at, coded('floor_equals_target', { value: s.floor })));
  else if (s.better === 'higher' ? s.target < s.floor : s.target > s.floor)
    issues.push(
      issue(`${at}.target`, coded('target_worse_side', { target: s.target, floor: s.floor, better: s.better })),
    );
  if (s.min_sample != null && !(Number.isFinite(s.min_sample) && s.min_sample > 0 && s.min_sample <= MAX_SAMPLE))
    issues.push(
      issue(`${at}.min_sample`, coded('min_sample_out_of_range', { value: shown(s.min_sample), max: MAX_SAMPLE })),
    );
  return issues;
}

/** A scheme scores something: at least one of its indicators (missing ones aside) weighs above 0. */
export function weightIssues(settings: readonly (IndicatorSettings | undefined)[]): Issue[] {
  if (settings.some((s) => s !== undefined && s.weight > 0)) return [];
  return [issue('indicators', coded('no_weight_above_zero', {}))];
}

/** Composites from 0 to 100, whole months from 1 to 12, criticism not above commendation. */
export function thresholdIssues(t: Thresholds): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['commendation', 'criticism', 'interview'] as const)
    if (!Number.isFinite(t[key]) || t[key] < 0 || t[key] > 100)
      issues.push(issue(`thresholds.${key}`, coded('threshold_out_of_range', { value: shown(t[key]) })));
  if (!Number.isInteger(t.interview_months) || t.interview_months < 1 || t.interview_months > 12)
    issues.push(
      issue(
        'thresholds.interview_months',
        coded('interview_months_out_of_range', { value: shown(t.interview_months) }),
      ),
    );
  if (issues.length === 0 && t.criticism > t.commendation)
    issues.push(
      issue(
        'thresholds.criticism',
        coded('criticism_above_commendation', { criticism: t.criticism, commendation: t.commendation }),
      ),
    );
  return issues;
}

/**
 * The scheme the assessment scores with: the shipped indicators (order, scale) with the
 * definition's settings. The definition must be valid.
 */
export function schemeFrom(name: AnySchemeName, def: SchemeDefinition, version: number): Scheme<AnySchemeName> {
  const base = shippedScheme(name);
  return {
    name,
    version,
    indicators: base.indicators.map((d) => ({ ...d, ...def.indicators[d.name], scale: d.scale, name: d.name })),
    ...(def.exempt_small_samples ? { exempt_small_samples: true } : {}),
    ...(def.count_online_answers && name === 'performance' ? { count_online_answers: true } : {}),
  };
}

/** The definition's keys in the shipped order, so that saved JSON reads like the SPEC table. */
export function orderedDefinition(name: AnySchemeName, def: SchemeDefinition): SchemeDefinition {
  const indicators: Record<string, IndicatorSettings> = {};
  for (const d of shippedScheme(name).indicators) {
    const s = def.indicators[d.name];
    indicators[d.name] = { weight: s.weight, floor: s.floor, target: s.target, better: s.better };
    // Kept only when set, so that a definition without minimums reads as it always has.
    if (s.min_sample != null) indicators[d.name].min_sample = s.min_sample;
  }
  const t = def.thresholds;
  return {
    indicators,
    thresholds: {
      commendation: t.commendation,
      criticism: t.criticism,
      interview: t.interview,
      interview_months: t.interview_months,
    },
    ...(def.exempt_small_samples ? { exempt_small_samples: true } : {}),
    // Only the performance scheme has awareness and satisfaction to count the answers in.
    ...(def.count_online_answers && name === 'performance' ? { count_online_answers: true } : {}),
  };
}
