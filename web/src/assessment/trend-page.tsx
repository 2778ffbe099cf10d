/**
 * Twelve months of an area, a unit or an officer: the composite as a line and every indicator
 * month by month, each month scored with the scheme in force for its year.
 */
import { useMemo } from 'react';
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { CompositeTrend } from '../dashboard/dashboard-charts.tsx';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { indicatorMeta, SCHEME_NAMES, SCHEME_SHORT, type SchemeName } from '../domain/indicators.ts';
import { PASSING_SCORE } from '#core/assessment/ranking.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';
import type { Trend } from './types.ts';
import { Segmented } from '../ui/segmented.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

type Kind = 'area' | 'unit' | 'officer';

/** Indicators whose value exists only when records do (surveys, checks): any value at all counts. */
const FROM_RECORDS = new Set(['awareness_rate', 'familiarity_rate', 'satisfaction_rate']);

/**
 * Whether a month has any work record behind it, as the dashboard judges it: construction
 * figures always stand; otherwise a survey or check answered, or a report, patrol or visit
 * counted (standing denominators and crime alone are not work).
 */
export function reported(p: Trend['points'][number], scheme: Trend['scheme']): boolean {
  if (scheme === 'construction') return true;
  return Object.entries(p.indicators).some(([name, v]) =>
    FROM_RECORDS.has(name) ? v !== null : name !== 'crime_rate' && v !== null && v > 0,
  );
}

export function TrendPage() {
  const { t } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const kindParam = location.query.get('kind');
  const kind: Kind = kindParam === 'unit' || kindParam === 'officer' ? kindParam : 'area';
  const code = kind === 'area' ? area : location.query.get('code');
  const schemeParam = location.query.get('scheme');
  const scheme: SchemeName | undefined =
    kind === 'area' ? (schemeParam === 'construction' ? 'construction' : 'performance') : undefined;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const trend = useApi<Trend>(code && month ? `/trend${query({ kind, code, month, scheme })}` : null, { keep: true });

  return (
    <div className="page trend-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('trend.title', { name: trend.data?.name ?? '…' })}</h1>
        {trend.data && kind !== 'area' && (
          <p>
            <Link
              href={
                kind === 'unit'
                  ? `/units/${encodeURIComponent(trend.data.code)}`
                  : `/officers/${encodeURIComponent(trend.data.code)}`
              }
            >
              {t(kind === 'unit' ? 'trend.toUnit' : 'trend.toOfficer')}
            </Link>{' '}
            · <span className="muted">{t(`trend.scheme.${trend.data.scheme}` as 'trend.scheme.officer')}</span>
            {kind === 'unit' && (
              <>
                {' · '}
                <Link href={href('/assessment/informational', { kind, code: trend.data.code, month })}>
                  {t('asm.tab.informational')}
                </Link>
              </>
            )}
          </p>
        )}
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          {kind === 'area' && (
            <Segmented
              legend={t('scheme.label')}
              name="scheme"
              value={scheme ?? 'performance'}
              options={SCHEME_NAMES.map((s) => ({ value: s, label: t(SCHEME_SHORT[s]) }))}
              onChange={(s) => set({ scheme: s })}
            />
          )}
          <AreaSearch
            label={t('trend.ofArea')}
            placeholder={kind === 'area' ? trend.data?.name : undefined}
            onPick={(a) => navigate(href('/assessment/trend', { area: a.code, month }))}
          />
          {code && month && (
            <ExportLinks path="/trend" params={{ kind, code, month, scheme }} what={t('trend.table')} />
          )}
        </div>
      </header>
      {!code || !month ? <Loading /> : <Async {...trend}>{(data) => <TrendBody trend={data} />}</Async>}
    </div>
  );
}

function TrendBody({ trend }: { trend: Trend }) {
  const i18n = useI18n();
  const { t, tr, fmt } = i18n;
  const months = useMemo(() => trend.points.map((p) => p.month), [trend]);
  // As on the dashboard: a month without any work record is drawn as a gap, not as the score
  // its standing figures alone would give.
  const composites = useMemo(() => trend.points.map((p) => (reported(p, trend.scheme) ? p.composite : null)), [trend]);
  const indicators = Object.keys(trend.points[trend.points.length - 1]?.indicators ?? {});
  return (
    <>
      <section className="panel" aria-labelledby="trend-chart-h">
        <h2 id="trend-chart-h">{t('dash.trendChart')}</h2>
        <CompositeTrend months={months} composites={composites} />
      </section>
      <section className="panel" aria-labelledby="trend-table-h">
        <h2 id="trend-table-h">{t('trend.table')}</h2>
        <div className="table-wrap">
          <table className="stack trend-table">
            <thead>
              <tr>
                <th scope="col">{t('month.label')}</th>
                <th scope="col" className="num">
                  {t('dash.composite')}
                </th>
                {indicators.map((n) => (
                  <th key={n} scope="col" className="num">
                    {tr('ind', n)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...trend.points].reverse().map((p) => (
                <tr key={p.month}>
                  <th scope="row">
                    {fmt.month(p.month)}
                    {p.scheme_version > 0 && (
                      <small className="muted"> {t('trend.version', { v: p.scheme_version })}</small>
                    )}
                  </th>
                  <td className="num" data-label={t('dash.composite')}>
                    <span>
                      <strong className={p.composite < PASSING_SCORE ? 'down' : undefined}>
                        {fmt.decimal(p.composite, 1)}
                      </strong>
                      {!reported(p, trend.scheme) && <small className="muted"> {t('trend.noWork')}</small>}
                    </span>
                  </td>
                  {indicators.map((n) => {
                    const v = p.indicators[n];
                    return (
                      <td key={n} className="num" data-label={tr('ind', n)}>
                        {v === null || v === undefined ? (
                          <span className="muted">{t('dash.noData')}</span>
                        ) : (
                          formatIndicator(indicatorMeta(n), v, i18n)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
