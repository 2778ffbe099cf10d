/**
 * The map of an area's children for a month: coloured by the composite, the rank or any
 * indicator of a scheme, drilling down on a click, with the rooms on top when asked (with the
 * construction scheme's coverage it shows counties shaded by coverage and the rooms that make
 * it). Area, month, scheme, metric and rooms live in the URL. The same figures are listed in a
 * table under the map.
 */
import { lazy, Suspense, useMemo } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail, Schemes } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { schemeIndicators } from '../dashboard/use-dashboard.ts';
import { isScheme, SCHEME_NAMES, SCHEME_SHORT, type SchemeName } from '../domain/indicators.ts';
import { endOfMonth, isMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation } from '../router/router.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { defaultMonthOf, homeAreaOf, useMeta } from '../ui/meta.tsx';
import { Segmented } from '../ui/segmented.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { MapTable } from './map-table.tsx';
import type { FiguresRow } from './map-types.ts';
import { metricOf, metricsFor } from './metrics.ts';
import { useCompact } from './use-compact.ts';
import { ExportLinks } from '../ui/export-links.tsx';

const AreaMap = lazy(() => import('./area-map.tsx'));

export function MapPage() {
  const location = useLocation();
  const words = useI18n();
  const { t, fmt } = words;
  const meta = useMeta();
  const compact = useCompact();
  const q = location.query;
  const month = isMonth(q.get('month')) ? q.get('month')! : defaultMonthOf(meta);
  const root = homeAreaOf(meta) ?? null;
  const code = q.get('area') ?? root;
  const scheme: SchemeName = isScheme(q.get('scheme')) ? (q.get('scheme') as SchemeName) : 'performance';
  const rooms = q.get('rooms') === '1';
  const area = useApi<AreaDetail>(code ? `/areas/${encodeURIComponent(code)}` : null, { keep: true });
  const schemes = useApi<Schemes>(month ? `/schemes${query({ year: month.slice(0, 4) })}` : null);
  const metrics = useMemo(
    () => metricsFor(schemeIndicators(schemes.data, scheme), words),
    [schemes.data, scheme, words],
  );
  const metric = metricOf(metrics, q.get('metric'));
  const figures = useApi<FiguresRow[]>(code && month ? `/map/figures${query({ month, within: code, scheme })}` : null, {
    keep: true,
  });
  const view = (changes: Record<string, string | undefined>) =>
    href('/map', {
      area: code ?? undefined,
      month: month ?? undefined,
      scheme,
      metric: metric.id === 'composite' ? undefined : metric.id,
      rooms: rooms ? '1' : undefined,
      ...changes,
    });
  const a = area.data;
  const shown = area.error && area.error.status !== 401 ? area.error : undefined;

  return (
    <div className="page map-page">
      <header className="page-head">
        <nav aria-label={t('areas.tree')} className="breadcrumb">
          <ol>
            {a?.path.map((p) => (
              <li key={p.code}>
                <Link href={view({ area: p.code })}>{p.name}</Link>
              </li>
            ))}
            {a && <li aria-current="page">{a.name}</li>}
          </ol>
        </nav>
        <h1 tabIndex={-1}>{t('map.title', { area: a?.name ?? '…', month: month ? fmt.month(month) : '…' })}</h1>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => navigate(view({ month: m }))} />}
          <Segmented
            legend={t('scheme.label')}
            name="scheme"
            value={scheme}
            options={SCHEME_NAMES.map((s) => ({ value: s, label: t(SCHEME_SHORT[s]) }))}
            onChange={(s) => navigate(view({ scheme: s, metric: undefined }))}
          />
          <label className="inline-field">
            <span>{t('map.metric')}</span>
            <select value={metric.id} onChange={(e) => navigate(view({ metric: e.target.value }))}>
              {metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={rooms}
              onChange={(e) => navigate(view({ rooms: e.target.checked ? '1' : undefined }))}
            />
            <span>{t('map.rooms')}</span>
          </label>
        </div>
      </header>
      {shown && <ErrorState error={shown} onRetry={area.reload} />}
      <section className="panel">
        {code && month ? (
          <Suspense fallback={<Loading label={t('dash.chartLoading')} />}>
            <AreaMap
              within={code}
              month={month}
              scheme={scheme}
              metric={metric}
              rooms={rooms}
              compact={compact}
              height={compact ? 380 : 540}
              onDrill={(c) => navigate(view({ area: c }))}
              onRoom={(c) => navigate(href(`/units/${encodeURIComponent(c)}`, { date: endOfMonth(month) }))}
            />
          </Suspense>
        ) : (
          <Loading />
        )}
      </section>
      <section className="panel" aria-labelledby="map-table-h">
        <div className="panel-head">
          <h2 id="map-table-h">{t('map.table')}</h2>
          {code && month && (
            <ExportLinks path="/map/figures" params={{ month, within: code, scheme }} what={t('map.table')} />
          )}
        </div>
        {figures.data ? (
          <MapTable rows={figures.data} metric={metric} hrefOf={(c) => view({ area: c })} />
        ) : (
          !figures.error && <Loading />
        )}
      </section>
    </div>
  );
}
