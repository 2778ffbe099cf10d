/**
 * A scheme being edited: the form's text for each setting (rates in percent, as people write
 * them), checked as the server will check it, and turned back into the API's numbers.
 *
 * @example
 *   const draft = draftOf(scheme);            // { indicators: { awareness_rate: { floor: '50', … } }, … }
 *   const { settings, errors } = read(scheme, draft);
 */
import { metaOf } from '../domain/indicators.ts';
import type { SchemeView } from './types.ts';

export interface IndicatorDraft {
  weight: string;
  floor: string;
  target: string;
  better: 'higher' | 'lower';
}
export interface SchemeDraft {
  indicators: Record<string, IndicatorDraft>;
  thresholds: Record<keyof SchemeView['thresholds'], string>;
  note: string;
}
export interface Settings {
  indicators: Record<string, { weight: number; floor: number; target: number; better: 'higher' | 'lower' }>;
  thresholds: SchemeView['thresholds'];
}
/** Field errors by `indicator.field` or `thresholds.name`, as message keys. */
export type DraftErrors = Record<
  string,
  'scheme.err.number' | 'scheme.err.weight' | 'scheme.err.equal' | 'scheme.err.side' | 'scheme.err.noWeight'
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
          { weight: text(i.weight), floor: text(i.floor * k), target: text(i.target * k), better: i.better },
        ];
      }),
    ),
    thresholds: {
      commendation: text(scheme.thresholds.commendation),
      criticism: text(scheme.thresholds.criticism),
      interview: text(scheme.thresholds.interview),
      interview_months: text(scheme.thresholds.interview_months),
    },
    note: '',
  };
}

function num(s: string): number | null {
  if (s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The draft as the API's numbers, with what is wrong in it (nothing wrong: `errors` is empty). */
export function read(scheme: SchemeView, draft: SchemeDraft): { settings: Settings; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const indicators: Settings['indicators'] = {};
  for (const i of scheme.indicators) {
    const d = draft.indicators[i.name];
    const k = inPercent(i) ? 100 : 1;
    const weight = num(d.weight);
    const floor = num(d.floor);
    const target = num(d.target);
    if (weight === null || weight < 0 || weight > 1000) errors[`${i.name}.weight`] = 'scheme.err.weight';
    if (floor === null) errors[`${i.name}.floor`] = 'scheme.err.number';
    if (target === null) errors[`${i.name}.target`] = 'scheme.err.number';
    if (floor !== null && target !== null) {
      if (floor === target) errors[`${i.name}.target`] = 'scheme.err.equal';
      else if (d.better === 'higher' ? target < floor : target > floor) errors[`${i.name}.target`] = 'scheme.err.side';
    }
    indicators[i.name] = {
      weight: weight ?? 0,
      floor: (floor ?? 0) / k,
      target: (target ?? 0) / k,
      better: d.better,
    };
  }
  if (Object.values(indicators).every((i) => i.weight === 0)) errors['weights'] = 'scheme.err.noWeight';
  const thresholds = {} as Settings['thresholds'];
  for (const key of Object.keys(draft.thresholds) as (keyof Settings['thresholds'])[]) {
    const n = num(draft.thresholds[key]);
    if (n === null || (key === 'interview_months' && (!Number.isInteger(n) || n < 1)))
      errors[`thresholds.${key}`] = 'scheme.err.number';
    thresholds[key] = n ?? 0;
  }
  return { settings: { indicators, thresholds }, errors };
}

/** Whether the settings differ from the scheme in force. */
export function changed(scheme: SchemeView, settings: Settings): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return (
    scheme.indicators.some((i) => {
      const s = settings.indicators[i.name];
      return !near(s.weight, i.weight) || !near(s.floor, i.floor) || !near(s.target, i.target) || s.better !== i.better;
    }) ||
    (Object.keys(scheme.thresholds) as (keyof Settings['thresholds'])[]).some(
      (k) => !near(scheme.thresholds[k], settings.thresholds[k]),
    )
  );
}
