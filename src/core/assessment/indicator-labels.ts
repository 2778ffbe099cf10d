/**
 * The names of indicators and figures in Chinese and English: the schemes' indicators, the
 * officer scheme's, the unscored informational figures, and the composite. Documents and
 * exports head their columns with these.
 *
 * @example indicatorName('crime_rate', 'zh') // '发案率'
 */
import type { Lang } from '../documents/document.ts';

export const INDICATOR_LABELS: Record<string, { zh: string; en: string }> = {
  awareness_rate: { zh: '知晓率', en: 'awareness rate' },
  familiarity_rate: { zh: '熟悉率', en: 'familiarity rate' },
  info_provision_rate: { zh: '信息提供率', en: 'information provision rate' },
  crime_rate: { zh: '发案率', en: 'crime rate' },
  satisfaction_rate: { zh: '满意率', en: 'satisfaction rate' },
  group_defense: { zh: '群防群治', en: 'group defence' },
  coverage_rate: { zh: '覆盖率', en: 'coverage rate' },
  staffing_rate: { zh: '警力配备率', en: 'staffing rate' },
  equipment_rate: { zh: '装备达标率', en: 'equipment rate' },
  standardization_rate: { zh: '规范化率', en: 'standardization rate' },
  funds_rate: { zh: '经费到位率', en: 'funds rate' },
  visits_per_week: { zh: '每周走访户数', en: 'visits a week' },
  visits_per_officer: { zh: '人均走访户数', en: 'visits per front-line officer' },
  households_visited_share: { zh: '十二个月入户走访率', en: 'households visited in twelve months' },
  info_adopted_share: { zh: '信息采用率', en: 'reports adopted' },
  composite: { zh: '综合得分', en: 'composite score' },
};

/** The display name of an indicator (its code when unknown). */
export function indicatorName(name: string, lang: Lang): string {
  return INDICATOR_LABELS[name]?.[lang] ?? name;
}
