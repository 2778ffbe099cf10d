/** An indicator's value in its unit and the reader's language: 75.7%, 1.05 起/万人. */
import type { IndicatorMeta } from '../domain/indicators.ts';
import type { I18n } from '../i18n/i18n.tsx';

export function formatIndicator(
  meta: IndicatorMeta | undefined,
  value: number,
  { fmt, t }: Pick<I18n, 'fmt' | 't'>,
): string {
  if (!meta || meta.unit === 'rate') return fmt.percent(value);
  if (meta.unit === 'per10k') return `${fmt.decimal(value, 2)} ${t('unit.per10k')}`;
  if (meta.unit === 'perWeek') return `${fmt.decimal(value, 1)} ${t('unit.perWeek')}`;
  return `${fmt.decimal(value, 1)} ${t('unit.per1000')}`;
}

/** The value alone, without its unit (for the large figure of a card). */
export function formatIndicatorNumber(meta: IndicatorMeta | undefined, value: number, fmt: I18n['fmt']): string {
  if (!meta || meta.unit === 'rate') return fmt.percent(value);
  return fmt.decimal(value, meta.unit === 'per10k' ? 2 : 1);
}
