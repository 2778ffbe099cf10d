/** The header pieces both shells share: the brand that links home, and the language switch. */
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';

export function Brand({ href, title, subtitle }: { href: string; title: string; subtitle: string }) {
  return (
    <Link href={href} className="brand">
      <span className="brand-mark" aria-hidden="true">
        警
      </span>
      <span className="brand-text">
        <strong>{title}</strong>
        <small>{subtitle}</small>
      </span>
    </Link>
  );
}

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <button
      type="button"
      className="lang-switch"
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      aria-label={t('app.languageLabel')}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('app.language')}
    </button>
  );
}
