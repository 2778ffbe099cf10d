/** The language a document (notification, summary) is written in, chosen beside its preview. */
import { useI18n } from '../i18n/i18n.tsx';
import { Segmented } from '../ui/segmented.tsx';

export function DocumentLanguage({ value, onChange }: { value: 'zh' | 'en'; onChange(lang: 'zh' | 'en'): void }) {
  const { t } = useI18n();
  return (
    <Segmented
      legend={t('notice.lang')}
      name="doc-lang"
      value={value}
      options={[
        { value: 'zh', label: t('notice.lang.zh') },
        { value: 'en', label: t('notice.lang.en') },
      ]}
      onChange={onChange}
    />
  );
}
