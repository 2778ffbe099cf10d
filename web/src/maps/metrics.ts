/**
 * What a choropleth can colour the areas by: the composite, the rank, or any indicator of the
 * scheme, or the completeness of the month's reports, each with its direction, its range and its
 * format. A metric names the answer it reads (`source`): every one here reads GET map/figures,
 * whose rows carry each child's completeness beside its figures.
 */
import type { FiguresRow } from './map-types.ts';
import { indicatorMeta, type IndicatorMeta } from '../domain/indicators.ts';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import type { I18n, MessageKey } from '../i18n/i18n.tsx';

export type MetricId = 'composite' | 'rank' | 'completeness' | `indicator:${string}`;

export interface Metric {
  id: MetricId;
  /** The answer whose rows the values come from. */
  source: 'figures';
  label: string;
  better: 'higher' | 'lower';
  value(row: FiguresRow): number | null;
  /** The colour scale's ends, for these rows. */
  range(rows: FiguresRow[]): [number, number];
  format(v: number): string;
}

type Words = Pick<I18n, 't' | 'fmt'>;

/** Every metric of a scheme whose indicators are `indicators`, in the order the choice lists them. */
export function metricsFor(indicators: IndicatorMeta[], words: Words): Metric[] {
  const { t, fmt } = words;
  return [
    {
      id: 'composite',
      source: 'figures',
      label: t('dash.composite'),
      better: 'higher',
      value: (r) => r.composite,
      range: () => [0, 100],
      format: (v) => fmt.decimal(v, 1),
    },
    {
      id: 'rank',
      source: 'figures',
      label: t('dash.rank'),
      better: 'lower',
      value: (r) => r.rank,
      range: (rows) => [1, Math.max(2, ...rows.map((r) => r.rank))],
      format: (v) => t('map.rankOf', { n: v }),
    },
    {
      id: 'completeness',
      source: 'figures',
      label: t('dash.completeness'),
      better: 'higher',
      value: (r) => r.completeness?.rate ?? null,
      range: () => [0, 1],
      format: (v) => fmt.percent(v),
    },
    ...indicators.map((meta): Metric => indicatorMetric(meta, words)),
  ];
}

function indicatorMetric(meta: IndicatorMeta, words: Words): Metric {
  const value = (r: FiguresRow) => r.indicators[meta.name]?.value ?? null;
  return {
    id: `indicator:${meta.name}`,
    source: 'figures',
    label: words.t(`ind.${meta.name}` as MessageKey),
    better: meta.better,
    value,
    range: (rows) => {
      if (meta.unit === 'rate') return [0, 1];
      // Per-resident figures have no natural top: the rows' own spread, with floor and target in it.
      const values = rows.map(value).filter((v): v is number => v !== null);
      const lo = Math.min(meta.floor, meta.target, ...values);
      const hi = Math.max(meta.floor, meta.target, ...values);
      return [lo, hi > lo ? hi : lo + 1];
    },
    format: (v) => formatIndicator(indicatorMeta(meta.name) ?? meta, v, words),
  };
}

/** The metric a URL names, else the composite. */
export function metricOf(metrics: Metric[], id: string | null): Metric {
  return metrics.find((m) => m.id === id) ?? metrics[0];
}
