/**
 * The residents' side of the app: no account, no staff navigation, and none of the staff shell's
 * requests (session, meta), so nothing here can bring up the login dialog. Chinese first, phone
 * first; the language switch is the only control in the header.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { FindOfficerPage } from './find-officer-page.tsx';
import { SurveyPage } from './survey-page.tsx';

/** Paths served by this shell. */
export function isPublicPath(path: string): boolean {
  return path === '/public' || path.startsWith('/public/');
}

export function PublicShell() {
  const { t, lang, setLang } = useI18n();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = `${t('public.title')} · ${t('app.title')}`;
  }, [t]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [path]);

  const page =
    path === '/public' || path === '/public/' ? (
      <FindOfficerPage />
    ) : path === '/public/survey' ? (
      <SurveyPage />
    ) : (
      <div className="page">
        <h1 tabIndex={-1}>{t('app.notFound')}</h1>
        <Link href="/public">{t('public.find.title')}</Link>
      </div>
    );

  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link href="/public" className="brand">
            <span className="brand-mark" aria-hidden="true">
              警
            </span>
            <span className="brand-text">
              <strong>{t('public.title')}</strong>
              <small>{t('app.title')}</small>
            </span>
          </Link>
          <div className="header-tools">
            <button
              type="button"
              className="lang-switch"
              lang={lang === 'zh' ? 'en' : 'zh-CN'}
              aria-label={t('app.languageLabel')}
              onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
            >
              {t('app.language')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {page}
      </main>
      <footer className="public-footer">
        <p>
          <strong>{t('public.emergency')}</strong>
        </p>
        <p>
          <a href="/">{t('public.staff')}</a>
        </p>
      </footer>
    </div>
  );
}
