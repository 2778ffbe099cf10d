/**
 * The application shell: header with the navigation, the outbox of records kept on the device,
 * and the language switch, the demo banner, and the page for the current path. Each route's
 * page reads its own parameters from the URL.
 */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { AuthProvider, useAuth } from './auth/auth.tsx';
import { useCan, type Permission } from './auth/can.ts';
import { DashboardPage } from './dashboard/dashboard-page.tsx';
import { I18nProvider, useI18n, type Lang, type MessageKey } from './i18n/i18n.tsx';
import { OutboxProvider, useOutbox } from './outbox/outbox-context.tsx';
import { OutboxIndicator } from './outbox/outbox-indicator.tsx';
import { OutboxPage } from './outbox/outbox-page.tsx';
import { ImportPage } from './records/import-page.tsx';
import { RecordFormPage } from './records/record-form-page.tsx';
import { AreasPage } from './registry/areas-page.tsx';
import { FundsPage } from './registry/funds-page.tsx';
import { OfficerPage } from './registry/officer-page.tsx';
import { UnitPage } from './registry/unit-page.tsx';
import { isPublicPath, PublicShell } from './public/public-shell.tsx';
import { href, Link, navigate, useLocation } from './router/router.tsx';
import { Brand, LanguageSwitch } from './ui/brand.tsx';
import { DemoBanner, MetaProvider, type MetaState } from './ui/meta.tsx';
import { Loading } from './ui/states.tsx';
import { PrintHeader } from './ui/print-header.tsx';
import { HeaderSearch } from './search/header-search.tsx';
import { TodoCount } from './todo/todo-count.tsx';
import { TodoPage } from './todo/todo-page.tsx';

// The supervision and assessment sections are chunks of their own, fetched on first visit, so
// that the first route (and the residents' pages on village networks) stays small.
const supervision = () => import('./supervision/pages.ts');
const assessment = () => import('./assessment/pages.ts');
const admin = () => import('./admin/pages.ts');
const periods = () => import('./periods/pages.ts');
const NotificationPage = lazy(() => supervision().then((m) => ({ default: m.NotificationPage })));
const ArchivePage = lazy(() => supervision().then((m) => ({ default: m.ArchivePage })));
const NoticePage = lazy(() => supervision().then((m) => ({ default: m.NoticePage })));
const TaskBoardPage = lazy(() => supervision().then((m) => ({ default: m.TaskBoardPage })));
const TaskPage = lazy(() => supervision().then((m) => ({ default: m.TaskPage })));
const TaskTablePage = lazy(() => supervision().then((m) => ({ default: m.TaskTablePage })));
const AppealsPage = lazy(() => supervision().then((m) => ({ default: m.AppealsPage })));
const AppealPage = lazy(() => supervision().then((m) => ({ default: m.AppealPage })));
const FiveProblemsPage = lazy(() => supervision().then((m) => ({ default: m.FiveProblemsPage })));
const SummaryPage = lazy(() => supervision().then((m) => ({ default: m.SummaryPage })));
const ExplainPage = lazy(() => assessment().then((m) => ({ default: m.ExplainPage })));
const SubjectsPage = lazy(() => assessment().then((m) => ({ default: m.SubjectsPage })));
const TrendPage = lazy(() => assessment().then((m) => ({ default: m.TrendPage })));
const InformationalPage = lazy(() => assessment().then((m) => ({ default: m.InformationalPage })));
const SchemesPage = lazy(() => assessment().then((m) => ({ default: m.SchemesPage })));
const ProposalsPage = lazy(() => assessment().then((m) => ({ default: m.ProposalsPage })));
const QualityPage = lazy(() => assessment().then((m) => ({ default: m.QualityPage })));
const CompletenessPage = lazy(() => assessment().then((m) => ({ default: m.CompletenessPage })));
const PeriodsPage = lazy(() => periods().then((m) => ({ default: m.PeriodsPage })));
const JobsPage = lazy(() => admin().then((m) => ({ default: m.JobsPage })));
const ChannelsPage = lazy(() => admin().then((m) => ({ default: m.ChannelsPage })));
const LocksPage = lazy(() => admin().then((m) => ({ default: m.LocksPage })));
const AccountsPage = lazy(() => admin().then((m) => ({ default: m.AccountsPage })));
const ImportsSettingsPage = lazy(() => admin().then((m) => ({ default: m.ImportsSettingsPage })));
const SubscriptionsPage = lazy(() => admin().then((m) => ({ default: m.SubscriptionsPage })));
// The map page and the map's ECharts parts are chunks of their own (see maps/area-map.tsx).
const WorkPage = lazy(() => import('./work/work-page.tsx').then((m) => ({ default: m.WorkPage })));
const MapPage = lazy(() => import('./maps/map-page.tsx').then((m) => ({ default: m.MapPage })));
const SearchPage = lazy(() => import('./search/search-page.tsx').then((m) => ({ default: m.SearchPage })));

interface Route {
  pattern: RegExp;
  nav?: MessageKey;
  render(match: string[]): ReactNode;
}

const ROUTES: Route[] = [
  { pattern: /^\/$/, nav: 'nav.dashboard', render: () => <DashboardPage /> },
  { pattern: /^\/areas$/, nav: 'nav.areas', render: () => <AreasPage /> },
  { pattern: /^\/units\/([^/]+)$/, nav: 'nav.areas', render: ([, code]) => <UnitPage code={code} /> },
  { pattern: /^\/officers\/([^/]+)$/, nav: 'nav.areas', render: ([, badge]) => <OfficerPage badge={badge} /> },
  { pattern: /^\/funds$/, nav: 'nav.funds', render: () => <FundsPage /> },
  { pattern: /^\/records\/outbox$/, nav: 'nav.records', render: () => <OutboxPage /> },
  { pattern: /^\/records(?:\/([a-z_]+))?$/, nav: 'nav.records', render: ([, kind]) => <RecordFormPage kind={kind} /> },
  { pattern: /^\/import$/, nav: 'nav.import', render: () => <ImportPage /> },
  { pattern: /^\/notifications$/, nav: 'nav.supervision', render: () => <NotificationPage /> },
  { pattern: /^\/notifications\/archive$/, nav: 'nav.supervision', render: () => <ArchivePage /> },
  { pattern: /^\/notifications\/(\d+)$/, nav: 'nav.supervision', render: ([, id]) => <NoticePage id={id} /> },
  { pattern: /^\/tasks$/, nav: 'nav.supervision', render: () => <TaskBoardPage /> },
  { pattern: /^\/appeals$/, nav: 'nav.supervision', render: () => <AppealsPage /> },
  { pattern: /^\/appeals\/(\d+)$/, nav: 'nav.supervision', render: ([, id]) => <AppealPage id={id} /> },
  { pattern: /^\/tasks\/table$/, nav: 'nav.supervision', render: () => <TaskTablePage /> },
  { pattern: /^\/tasks\/(\d+)$/, nav: 'nav.supervision', render: ([, id]) => <TaskPage id={id} /> },
  { pattern: /^\/five-problems$/, nav: 'nav.supervision', render: () => <FiveProblemsPage /> },
  { pattern: /^\/summary$/, nav: 'nav.supervision', render: () => <SummaryPage /> },
  { pattern: /^\/periods$/, nav: 'nav.supervision', render: () => <PeriodsPage /> },
  { pattern: /^\/assessment(?:\/explain)?$/, nav: 'nav.assessment', render: () => <ExplainPage /> },
  { pattern: /^\/assessment\/rankings$/, nav: 'nav.assessment', render: () => <SubjectsPage /> },
  { pattern: /^\/assessment\/trend$/, nav: 'nav.assessment', render: () => <TrendPage /> },
  {
    pattern: /^\/assessment\/informational$/,
    nav: 'nav.assessment',
    render: () => <InformationalPage />,
  },
  { pattern: /^\/assessment\/schemes$/, nav: 'nav.assessment', render: () => <SchemesPage /> },
  { pattern: /^\/assessment\/proposals$/, nav: 'nav.assessment', render: () => <ProposalsPage /> },
  { pattern: /^\/assessment\/quality$/, nav: 'nav.assessment', render: () => <QualityPage /> },
  { pattern: /^\/assessment\/completeness$/, nav: 'nav.assessment', render: () => <CompletenessPage /> },
  { pattern: /^\/admin(?:\/jobs)?$/, nav: 'nav.admin', render: () => <JobsPage /> },
  { pattern: /^\/admin\/channels$/, nav: 'nav.admin', render: () => <ChannelsPage /> },
  { pattern: /^\/admin\/locks$/, nav: 'nav.admin', render: () => <LocksPage /> },
  { pattern: /^\/admin\/accounts$/, nav: 'nav.admin', render: () => <AccountsPage /> },
  { pattern: /^\/todo$/, render: () => <TodoPage /> },
  { pattern: /^\/admin\/imports$/, nav: 'nav.admin', render: () => <ImportsSettingsPage /> },
  { pattern: /^\/subscriptions$/, nav: 'nav.subscriptions', render: () => <SubscriptionsPage /> },
  { pattern: /^\/map$/, nav: 'map.nav', render: () => <MapPage /> },
  { pattern: /^\/work$/, nav: 'nav.work', render: () => <WorkPage /> },
  { pattern: /^\/search$/, render: () => <SearchPage /> },
];

/**
 * The main navigation; `keep` carries the area and month along, `needs` hides what a role cannot
 * use; `own` is an officer's (an account tied to a badge), `desk` what an officer has no use for
 * (whole files, funds: the desk's work; notifications and tasks are read through `tasks:read`).
 */
const NAV: { key: MessageKey; to: string; keep?: boolean; needs?: Permission; own?: boolean; desk?: boolean }[] = [
  { key: 'nav.work', to: '/work', needs: 'records:write', own: true },
  { key: 'nav.dashboard', to: '/', keep: true, needs: 'aggregate:read' },
  { key: 'map.nav', to: '/map', keep: true, needs: 'aggregate:read' },
  { key: 'nav.assessment', to: '/assessment/explain', keep: true, needs: 'aggregate:read' },
  { key: 'nav.supervision', to: '/notifications', keep: true, needs: 'tasks:read' },
  { key: 'nav.areas', to: '/areas', needs: 'registry:read' },
  { key: 'nav.funds', to: '/funds', needs: 'registry:read', desk: true },
  { key: 'nav.records', to: '/records', needs: 'records:write' },
  { key: 'nav.import', to: '/import', needs: 'records:write', desk: true },
  { key: 'nav.admin', to: '/admin/jobs', needs: 'schedule:manage' },
  { key: 'nav.subscriptions', to: '/subscriptions', needs: 'session:self' },
];

/** The whole app; `lang`, `demo` and `meta` fix what it would otherwise find out (tests, embedding). */
export function App({ lang, demo, meta }: { lang?: Lang; demo?: boolean; meta?: MetaState }) {
  // Residents' pages: no session, no meta, no login dialog (a 401 there would mean nothing).
  if (isPublicPath(useLocation().path))
    return (
      <I18nProvider lang={lang}>
        <PublicShell />
      </I18nProvider>
    );
  return (
    <I18nProvider lang={lang}>
      <AuthProvider>
        <MetaProvider value={meta}>
          <OutboxProvider>
            <Shell demo={demo} />
          </OutboxProvider>
        </MetaProvider>
      </AuthProvider>
    </I18nProvider>
  );
}

function Shell({ demo }: { demo?: boolean }) {
  const { t } = useI18n();
  const location = useLocation();
  const { session, signOut } = useAuth();
  const outbox = useOutbox();
  const can = useCan();
  const main = useRef<HTMLElement>(null);
  const route = ROUTES.map((r) => ({ r, m: r.pattern.exec(location.path) })).find((x) => x.m);
  const match = route?.m ? Array.from(route.m, (s) => (s === undefined ? '' : decodeURIComponent(s))) : [];

  useEffect(() => {
    document.title = `${t('app.title')} · Outpost`;
  }, [t]);

  // An officer opening the app at its start lands on its own work; the dashboard stays one link away.
  const badge = session?.badge;
  const opened = useRef(location.path === '/' && location.query.toString() === '');
  useEffect(() => {
    if (!badge || !opened.current) return;
    opened.current = false;
    if (location.path === '/' && location.query.toString() === '') navigate('/work', { replace: true });
  }, [badge, location]);

  // A new page (not a new query on the same page): start at its top, with focus on its heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const box = main.current;
    const heading = () => box?.querySelector<HTMLElement>('h1');
    if (heading()) return void heading()!.focus({ preventScroll: true });
    // A page of a section not loaded yet (or still loading its data) gets its heading a moment later.
    if (!box) return;
    const observer = new MutationObserver(() => {
      if (!heading()) return;
      heading()!.focus({ preventScroll: true });
      observer.disconnect();
    });
    observer.observe(box, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location.path]);

  // The menu this account may use; a page of a section it may not use is not asked for at all.
  const shown = NAV.filter(
    (n) => (!n.needs || can(n.needs)) && (n.own ? !!session?.badge : !(n.desk && session?.badge)),
  );
  const barred = (nav: MessageKey | undefined) => {
    const needs = NAV.find((n) => n.key === nav)?.needs;
    return !!session && !!needs && !can(needs);
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Brand href="/" title={t('app.title')} subtitle={t('app.subtitle')} />
          <div className="header-tools">
            <HeaderSearch />
            <OutboxIndicator />
            <TodoCount />
            {session && (
              <span className="user">
                <span className="visually-hidden">{t('auth.signedIn', { user: session.username })}</span>
                <span aria-hidden="true">{session.name ?? session.username}</span>
                <button
                  type="button"
                  className="lang-switch"
                  onClick={() => {
                    // The records stay under this account on the device; say so before leaving.
                    const n = outbox.entries.length;
                    if (n === 0 || window.confirm(t('outbox.signOutKept', { n }))) void signOut();
                  }}
                >
                  {t('auth.signOut')}
                </button>
              </span>
            )}
            <LanguageSwitch />
          </div>
        </div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {shown.map((n) => (
              <li key={n.to}>
                <Link
                  href={n.keep ? keepView(location.query, n.to) : n.to}
                  aria-current={route?.r.nav === n.key ? 'page' : undefined}
                >
                  {t(n.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <DemoBanner show={demo} />
      <PrintHeader />
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          {!route ? <NotFound /> : barred(route.r.nav) ? <NotForAccount links={shown} /> : route.r.render(match)}
        </Suspense>
      </main>
    </>
  );
}

/** The dashboard link keeps the area and month the user is looking at elsewhere. */
function keepView(query: URLSearchParams, path: string): string {
  return href(path, { area: query.get('area'), month: query.get('month') });
}

/** A page of a section the account may not use: said plainly, with what it can open instead. */
function NotForAccount({ links }: { links: typeof NAV }) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="not-for-account">
      <h1 tabIndex={-1}>{t('app.notForAccount')}</h1>
      <p>{t('app.notForAccountHint')}</p>
      <ul>
        {links.map((n) => (
          <li key={n.to}>
            <Link href={n.to}>{t(n.key)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <p>{t('app.notFoundHint')}</p>
      <Link href="/">{t('app.home')}</Link>
    </div>
  );
}
