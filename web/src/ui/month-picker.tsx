/** A month field with previous / next buttons; the value is `YYYY-MM`. */
import { useId } from 'react';
import { addMonths, isMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function MonthPicker({ value, onChange }: { value: string; onChange(month: string): void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="month-picker">
      <label htmlFor={id}>{t('month.label')}</label>
      <div className="month-picker-row">
        <button
          type="button"
          className="icon-button"
          aria-label={t('month.prev')}
          title={t('month.prev')}
          onClick={() => onChange(addMonths(value, -1))}
        >
          ‹
        </button>
        <input
          id={id}
          type="month"
          value={value}
          required
          onChange={(e) => isMonth(e.target.value) && onChange(e.target.value)}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('month.next')}
          title={t('month.next')}
          onClick={() => onChange(addMonths(value, 1))}
        >
          ›
        </button>
      </div>
    </div>
  );
}
