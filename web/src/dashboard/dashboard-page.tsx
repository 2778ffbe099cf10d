/**
 * The dashboard of an area and month: standing figures, both composites, a card per indicator
 * with its 12-month line, the ranking of the children (table and bars) and the composite's
 * trend. Area, month and scheme live in the URL; clicking a child drills down.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Indicators } from '../api/types.ts';
import { isScheme, SCHEME_NAMES, SCHEME_SHORT, type SchemeName } from '../domain/indicators.ts';
import { isMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { defaultMonthOf, homeAreaOf, useMeta } from '../ui/meta.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { CompositeBars, CompositeTrend } from './dashboard-charts.tsx';
import { IndicatorCard } from './indicator-card.tsx';
import { OverviewFigures } from './overview-figures.tsx';
import { RankingTable } from './ranking-table.tsx';
import { CompletenessNote, Standing } from './standing.tsx';
import { compositeOrNull, hasReported, hasWorkData, useDashboard } from './use-dashboard.ts';
import { Segmented } from '../ui/segmented.tsx';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';
import { metricsFor } from '../maps/metrics.ts';
import { useCompact } from '../maps/use-compact.ts';
import { LockedBadge } from '../periods/period-badge.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

// The map and its ECharts parts load only when the ranking is shown (a chunk of their own).
const AreaMap = lazy(() => import('../maps/area-map.tsx'));

const NO_HISTORY: null[] = Array(12).fill(null);

export function DashboardPage() {
  const location = useLocation();
  const { t, fmt } = useI18n();
  const meta = useMeta();
  const monthParam = location.query.get('month');
  // Without a month or area in the URL: the month and area the account's pages open on (SPEC §5).
  const month = isMonth(monthParam) ? monthParam : defaultMonthOf(meta);
  const root = homeAreaOf(meta);
  const schemeParam = location.query.get('scheme');
  const scheme: SchemeName = isScheme(schemeParam) ? schemeParam : 'performance';
  const d = useDashboard(location.query.get('area'), root, month, scheme);
  const [movedFrom, setMovedFrom] = useState<string>();
  const words = useI18n();
  const compact = useCompact();
  const compositeMetric = useMemo(() => metricsFor([], words)[0], [words]);

  const viewOf = useCallback(
    (changes: { area?: string; month?: string; scheme?: SchemeName }) =>
      href('/', { area: d.code ?? undefined, month: month ?? undefined, scheme, ...changes }),
    [d.code, month, scheme],
  );

  // Opened without a month on a server that cannot say its latest: if the default month has no
  // work records, show the latest of the 12 months before it that has.
  useEffect(() => {
    if (
      isMonth(monthParam) ||
      meta.status !== 'absent' ||
      month === null ||
      scheme !== 'performance' ||
      d.series.loading ||
      !d.series.data
    )
      return;
    if (hasWorkData(d.series.data[11])) return;
    for (let i = 10; i >= 0; i--)
      if (hasWorkData(d.series.data[i])) {
        setMovedFrom(month);
        navigate(withQuery(location, { month: d.months[i] }), { replace: true });
        return;
      }
  }, [monthParam, meta.status, scheme, d.series.loading, d.series.data, d.months, month, location]);

  const area = d.area.data;
  const series = d.series.data;
  const trend = useMemo(() => series?.map(compositeOrNull), [series]);
  const current: Indicators | undefined = d.current.data?.scheme === scheme ? d.current.data : undefined;
  const previous: Indicators | undefined = series?.[10];
  const composites = {
    [scheme]: current?.composite,
    [scheme === 'performance' ? 'construction' : 'performance']: d.otherScheme.data?.composite,
  } as Record<SchemeName, number | undefined>;
  const areaName = area?.name ?? '…';
  // The ancestors above the account's own area (its scope's root) are named, not offered.
  const home = homeAreaOf(meta);
  const outside = !area
    ? 0
    : area.code === home
      ? area.path.length
      : Math.max(
          area.path.findIndex((p) => p.code === home),
          0,
        );
  // A 401 is the login dialog's to show; the view loads again once signed in.
  const shown = (e: typeof d.error) => (e && e.status !== 401 ? e : undefined);
  const fatal = shown(d.roots.error) ?? (area ? undefined : shown(d.area.error));

  return (
    <div className="page dashboard" data-ready={d.ready || undefined} aria-busy={!d.ready}>
      <header className="page-head">
        <nav aria-label={t('areas.tree')} className="breadcrumb">
          <ol>
            {area?.path.map((p, i) => (
              <li key={p.code}>
                {/* Above the account's own area (a manager's province): named, not offered. */}
                {i < outside ? <span>{p.name}</span> : <Link href={viewOf({ area: p.code })}>{p.name}</Link>}
              </li>
            ))}
            {area && <li aria-current="page">{area.name}</li>}
          </ol>
        </nav>
        <h1 tabIndex={-1}>
          {t('dash.title', { area: areaName, month: month ? fmt.month(month) : '…' })}
          <LockedBadge area={d.code} month={month} />
        </h1>
        {area && (
          <p className="muted">
            {t(`level.${area.level}` as 'level.province')} · {area.code}
          </p>
        )}
        <Standing parent={d.parent} row={d.standing} of={d.standingOf} />
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => navigate(viewOf({ month: m }))} />}
          <Segmented
            legend={t('scheme.label')}
            name="scheme"
            value={scheme}
            options={SCHEME_NAMES.map((s) => ({ value: s, label: t(SCHEME_SHORT[s]) }))}
            onChange={(s) => navigate(viewOf({ scheme: s }))}
          />
          <AreaSearch
            label={t('dash.jump')}
            within={area?.path[0]?.code ?? area?.code}
            onPick={(a) => navigate(viewOf({ area: a.code }))}
          />
        </div>
      </header>

      {movedFrom && month && movedFrom !== month && (
        <p className="note" role="status">
          {t('dash.latestData', { month: fmt.month(movedFrom), latest: fmt.month(month) })}
        </p>
      )}
      {fatal && <ErrorState error={fatal} onRetry={d.reload} />}
      {!fatal && <CompletenessNote figure={d.completeness.data} />}
      {!fatal && d.error && <ErrorState error={d.error} onRetry={d.reload} />}

      <section className="composites" aria-label={t('dash.composites')}>
        {SCHEME_NAMES.map((s) => {
          const value = composites[s];
          const change =
            s === scheme && current && previous && compositeOrNull(previous) !== null
              ? current.composite - previous.composite
              : undefined;
          return (
            <Link
              key={s}
              href={viewOf({ scheme: s })}
              className={`composite-card${s === scheme ? ' is-current' : ''}`}
              aria-current={s === scheme ? 'true' : undefined}
            >
              <span className="composite-label">
                {t('dash.compositeOf', {
                  scheme: t(s === 'performance' ? 'scheme.performance' : 'scheme.construction'),
                })}
              </span>
              <strong className={`composite-value${value !== undefined && value < PASSING_SCORE ? ' low' : ''}`}>
                {value === undefined ? '…' : fmt.decimal(value, 1)}
              </strong>
              {change !== undefined && (
                <span className={`composite-change ${change > 0 ? 'up' : change < 0 ? 'down' : ''}`}>
                  {t('dash.monthChange')} {fmt.signed(change)}
                </span>
              )}
            </Link>
          );
        })}
      </section>

      <section className="panel" aria-labelledby="sec-overview" aria-busy={d.overview.loading}>
        <h2 id="sec-overview">
          {t('dash.overview')}{' '}
          <small className="muted">{d.overview.data && t('dash.asOf', { date: fmt.date(d.overview.data.date) })}</small>
        </h2>
        {d.overview.data ? <OverviewFigures overview={d.overview.data} /> : !d.overview.error && <Loading />}
      </section>

      <section className="panel" aria-labelledby="sec-indicators" aria-busy={d.current.loading || d.series.loading}>
        <h2 id="sec-indicators">
          {t('dash.indicators')}{' '}
          <small className="muted">{t(scheme === 'performance' ? 'scheme.performance' : 'scheme.construction')}</small>
        </h2>
        {current ? (
          <div className="indicator-grid">
            {d.indicators.map((meta) => (
              <IndicatorCard
                key={meta.name}
                meta={meta}
                result={current?.indicators[meta.name]}
                online={current?.online_answers}
                months={d.months}
                explainHref={href('/assessment/explain', {
                  area: d.code ?? undefined,
                  month: month ?? undefined,
                  scheme,
                  indicator: meta.name,
                })}
                history={
                  series?.map((s) =>
                    s.scheme === scheme && hasReported(s) ? (s.indicators[meta.name]?.value ?? null) : null,
                  ) ?? NO_HISTORY
                }
              />
            ))}
          </div>
        ) : (
          !d.current.error && <Loading />
        )}
        <p className="muted small">{t('dash.explainScore')}</p>
      </section>

      <section className="panel" aria-labelledby="sec-ranking" aria-busy={d.rankings.loading}>
        <div className="panel-head">
          <h2 id="sec-ranking">{t('dash.rankingOf', { area: areaName })}</h2>
          {d.code && month && (
            <ExportLinks
              path="/rankings"
              params={{ month, within: d.code, scheme }}
              what={t('dash.rankingOf', { area: areaName })}
            />
          )}
        </div>
        {d.rankings.data ? (
          d.rankings.data.length === 0 ? (
            <p className="state state-empty">{t('dash.noChildren')}</p>
          ) : (
            <div className="ranking-layout">
              <RankingTable
                rows={d.rankings.data}
                caption={t('dash.rankingOf', { area: areaName })}
                hrefOf={(code) => viewOf({ area: code })}
              />
              <div className="chart-box">
                {month && d.code && (
                  <>
                    <h3>
                      {t('map.onDashboard')}{' '}
                      <Link className="small" href={href('/map', { area: d.code, month, scheme })}>
                        {t('map.open')}
                      </Link>
                    </h3>
                    <Suspense fallback={<Loading inline label={t('dash.chartLoading')} />}>
                      <AreaMap
                        within={d.code}
                        month={month}
                        scheme={scheme}
                        metric={compositeMetric}
                        rooms={false}
                        compact={compact}
                        height={compact ? 300 : 340}
                        onDrill={(code) => navigate(viewOf({ area: code }))}
                      />
                    </Suspense>
                  </>
                )}
                <h3>{t('dash.barChart')}</h3>
                <CompositeBars rows={d.rankings.data} onPick={(code) => navigate(viewOf({ area: code }))} />
              </div>
            </div>
          )
        ) : (
          !d.rankings.error && <Loading />
        )}
      </section>

      <section className="panel" aria-labelledby="sec-trend" aria-busy={d.series.loading}>
        <h2 id="sec-trend">
          {t('dash.trendChart')} <small className="muted">{t('dash.trend12')}</small>
        </h2>
        {trend ? <CompositeTrend months={d.months} composites={trend} /> : !d.series.error && <Loading />}
      </section>
    </div>
  );
}
