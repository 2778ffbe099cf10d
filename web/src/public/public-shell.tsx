/**
 * The residents' side of the app: no account, no staff navigation, and none of the staff shell's
 * requests (session, meta), so nothing here can bring up the login dialog. Chinese first, phone
 * first; the language switch is the only control in the header.
 */
import { useEffect, useRef } from 'react';
import { Brand, LanguageSwitch } from '../ui/brand.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { FindOfficerPage } from './find-officer-page.tsx';
import { SurveyPage } from './survey-page.tsx';

/** Paths served by this shell. */
export function isPublicPath(path: string): boolean {
  return path === '/public' || path.startsWith('/public/');
}

export function PublicShell() {
  const { t } = useI18n();
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
          <Brand href="/public" title={t('public.title')} subtitle={t('app.title')} />
          <div className="header-tools">
            <LanguageSwitch />
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
