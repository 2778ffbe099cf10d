import type { Lang } from '#core/documents/document.ts';
import type { SchemeName } from '../assessment/domain/index.ts';
import { percent } from '#core/documents/format-cell.ts';
import { indicatorName } from '#core/assessment/indicator-labels.ts';

const SCHEMES: Record<SchemeName, { zh: string; en: string; short: { zh: string; en: string } }> = {
  construction: {
    zh: '社区和农村警务建设进度',
    en: 'construction progress of community and rural policing',
    short: { zh: '建设进度', en: 'construction progress' },
  },
  performance: {
    zh: '社区和驻村民警工作考核',
    en: 'assessment of community and resident officers',
    short: { zh: '民警工作考核', en: 'officer assessment' },
  },
};

/** The display name of an indicator (its code when unknown). */
export function indicatorLabel(name: string, lang: Lang): string {
  return indicatorName(name, lang);
}

export function schemeLabel(scheme: SchemeName, lang: Lang, short = false): string {
  return short ? SCHEMES[scheme].short[lang] : SCHEMES[scheme][lang];
}

/**
 * An indicator's value with its unit: shares as percentages, crime per 10,000 residents,
 * group defence in member-hours per 1,000 residents.
 *
 * @example indicatorValue('crime_rate', 2.345, 'zh') // '2.35起/万人'
 */
export function indicatorValue(name: string, value: number | null, lang: Lang): string {
  if (value === null) return lang === 'zh' ? '无数据' : 'no data';
  if (name === 'crime_rate')
    return lang === 'zh' ? `${value.toFixed(2)}起/万人` : `${value.toFixed(2)} per 10,000 residents`;
  if (name === 'group_defense')
    return lang === 'zh' ? `${value.toFixed(1)}人·小时/千人` : `${value.toFixed(1)} member-hours per 1,000 residents`;
  if (name === 'composite') return lang === 'zh' ? `${value.toFixed(2)}分` : value.toFixed(2);
  return percent(value);
}
