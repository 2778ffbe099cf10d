/**
 * How one figure is made, for any area, month and indicator: the area's numerator and
 * denominator, the part placed at the area itself, and each child's part (a child opens its own
 * explanation, down to a village); the records behind the part placed here, a page at a time.
 */
import { useId } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { OnlineAnswersLine } from '../dashboard/indicator-card.tsx';
import { SCALE } from '../dashboard/indicator-card.tsx';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { indicatorMeta, isScheme, SCHEME_NAMES, SCHEME_SHORT, SCHEMES, type SchemeName } from '../domain/indicators.ts';
import { useI18n, type I18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async, Empty, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';
import type { Explain, ExplainRecords } from './types.ts';
import { Segmented } from '../ui/segmented.tsx';
import { LockedBadge } from '../periods/period-badge.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const PAGE = 50;

export function ExplainPage() {
  const { t, tr, fmt } = useI18n();
  const location = useLocation();
  const indicatorId = useId();
  const { area, month } = useAreaMonth();
  const schemeParam = location.query.get('scheme');
  const scheme: SchemeName = isScheme(schemeParam) ? schemeParam : 'performance';
  const names = SCHEMES[scheme].map((i) => i.name);
  const indicatorParam = location.query.get('indicator');
  const indicator = indicatorParam && names.includes(indicatorParam) ? indicatorParam : names[0];
  const offset = Math.max(0, Number(location.query.get('offset')) || 0);
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { offset: undefined, ...changes }), { replace: true });
  const linkTo = (code: string) => href('/assessment/explain', { area: code, month, scheme, indicator });
  const ready = area !== null && month !== null;
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const explain = useApi<Explain>(ready ? `/explain${query({ month, area, scheme, indicator })}` : null, {
    keep: true,
  });

  return (
    <div className="page explain-page">
      <AssessmentTabs />
      <header className="page-head">
        {detail.data && (
          <nav aria-label={t('areas.tree')} className="breadcrumb">
            <ol>
              {detail.data.path.map((p) => (
                <li key={p.code}>
                  <Link href={linkTo(p.code)}>{p.name}</Link>
                </li>
              ))}
              <li aria-current="page">{detail.data.name}</li>
            </ol>
          </nav>
        )}
        <h1 tabIndex={-1}>
          {t('explain.title', {
            area: detail.data?.name ?? '…',
            month: month ? fmt.month(month) : '…',
            indicator: tr('ind', indicator),
          })}
          <LockedBadge area={area} month={month} />
        </h1>
        <p className="muted">{t('explain.intro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <Segmented
            legend={t('scheme.label')}
            name="scheme"
            value={scheme}
            options={SCHEME_NAMES.map((s) => ({ value: s, label: t(SCHEME_SHORT[s]) }))}
            onChange={(s) => set({ scheme: s, indicator: SCHEMES[s][0].name })}
          />
          <div className="field-inline">
            <label htmlFor={indicatorId}>{t('explain.indicator')}</label>
            <select id={indicatorId} value={indicator} onChange={(e) => set({ indicator: e.target.value })}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {tr('ind', n)}
                </option>
              ))}
            </select>
          </div>
          <AreaSearch label={t('ctl.area')} placeholder={detail.data?.name} onPick={(a) => set({ area: a.code })} />
          {ready && (
            <ExportLinks path="/explain" params={{ month, area, scheme, indicator }} what={t('explain.children')} />
          )}
        </div>
      </header>
      {!ready ? (
        <Loading />
      ) : (
        <Async {...explain}>
          {(e) => (
            <>
              <Figure explain={e} />
              {e.children.length > 0 && <Children explain={e} linkTo={linkTo} />}
              {(e.own.denominator !== 0 || e.own.numerator !== 0 || e.children.length === 0) && (
                <Records area={e.area} month={e.month} scheme={scheme} indicator={indicator} offset={offset} />
              )}
            </>
          )}
        </Async>
      )}
    </div>
  );
}

/** The figure itself, and how much of it is placed at the area and how much comes from below. */
function Figure({ explain: e }: { explain: Explain }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const meta = indicatorMeta(e.indicator);
  const scale = SCALE[meta?.unit ?? 'rate'];
  return (
    <section className="panel explain-figure" aria-labelledby="explain-figure-h">
      <h2 id="explain-figure-h" className="visually-hidden">
        {t('explain.figure')}
      </h2>
      <div className="figures">
        <div className="figure">
          <span className="figure-label">{t('dash.value')}</span>
          <strong className="figure-value">
            {e.value === null ? t('dash.noData') : formatIndicator(meta, e.value, i18n)}
          </strong>
        </div>
        <div className="figure">
          <span className="figure-label">{t('explain.numerator')}</span>
          <strong className="figure-value">{exact(e.numerator / scale, fmt)}</strong>
        </div>
        <div className="figure">
          <span className="figure-label">{t('explain.denominator')}</span>
          <strong className="figure-value">{exact(e.denominator, fmt)}</strong>
        </div>
        <div className="figure">
          <span className="figure-label">{t('explain.own')}</span>
          <strong className="figure-value">
            {exact(e.own.numerator / scale, fmt)} / {exact(e.own.denominator, fmt)}
          </strong>
          <span className="figure-detail">{t('explain.ownHint')}</span>
        </div>
      </div>
      {e.online && <OnlineAnswersLine indicator={e.indicator} online={e.online} />}
      <p className="muted small">{t(`explain.def.${e.indicator}` as 'explain.def.awareness_rate')}</p>
    </section>
  );
}

function Children({ explain: e, linkTo }: { explain: Explain; linkTo(code: string): string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const meta = indicatorMeta(e.indicator);
  const scale = SCALE[meta?.unit ?? 'rate'];
  return (
    <section className="panel" aria-labelledby="explain-children-h">
      <h2 id="explain-children-h">{t('explain.children')}</h2>
      <div className="table-wrap">
        <table className="stack explain-table">
          <thead>
            <tr>
              <th scope="col">{t('dash.area')}</th>
              <th scope="col" className="num">
                {t('explain.numerator')}
              </th>
              <th scope="col" className="num">
                {t('explain.denominator')}
              </th>
              <th scope="col" className="num">
                {t('dash.value')}
              </th>
              <th scope="col" className="num">
                {t('explain.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {e.children.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  <Link href={linkTo(c.code)}>{c.name}</Link>
                </th>
                <td className="num" data-label={t('explain.numerator')}>
                  {exact(c.numerator / scale, fmt)}
                </td>
                <td className="num" data-label={t('explain.denominator')}>
                  {exact(c.denominator, fmt)}
                </td>
                <td className="num" data-label={t('dash.value')}>
                  {c.denominator === 0 ? t('dash.noData') : formatIndicator(meta, c.numerator / c.denominator, i18n)}
                </td>
                <td className="num" data-label={t('explain.share')}>
                  {e.denominator === 0 ? '—' : fmt.percent(c.denominator / e.denominator)}
                </td>
              </tr>
            ))}
            {(e.own.numerator !== 0 || e.own.denominator !== 0) && (
              <tr className="is-current">
                <th scope="row">{t('explain.ownRow')}</th>
                <td className="num" data-label={t('explain.numerator')}>
                  {exact(e.own.numerator / scale, fmt)}
                </td>
                <td className="num" data-label={t('explain.denominator')}>
                  {exact(e.own.denominator, fmt)}
                </td>
                <td className="num" data-label={t('dash.value')}>
                  {e.own.denominator === 0
                    ? t('dash.noData')
                    : formatIndicator(meta, e.own.numerator / e.own.denominator, i18n)}
                </td>
                <td className="num" data-label={t('explain.share')}>
                  {e.denominator === 0 ? '—' : fmt.percent(e.own.denominator / e.denominator)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Records(props: { area: string; month: string; scheme: string; indicator: string; offset: number }) {
  const { t, tr, fmt } = useI18n();
  const location = useLocation();
  const records = useApi<ExplainRecords>(`/explain/records${query({ ...props, limit: PAGE, offset: props.offset })}`, {
    keep: true,
  });
  return (
    <section className="panel" aria-labelledby="explain-records-h" aria-busy={records.loading}>
      <h2 id="explain-records-h">{t('explain.records')}</h2>
      <Async {...records}>
        {(r) =>
          r.total === 0 ? (
            <Empty>{t('explain.noRecords')}</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="stack records-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('explain.record')}</th>
                      <th scope="col">{t('col.date')}</th>
                      <th scope="col" className="num">
                        {t('explain.numerator')}
                      </th>
                      <th scope="col" className="num">
                        {t('explain.denominator')}
                      </th>
                      <th scope="col">{t('explain.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.items.map((item) => (
                      <tr key={`${item.kind}:${item.key}`}>
                        <th scope="row">
                          <span className="muted small">{tr('kind', item.kind)}</span>{' '}
                          <span className="mono">{item.key}</span>
                        </th>
                        <td data-label={t('col.date')}>{item.date ? fmt.date(item.date) : '—'}</td>
                        <td className="num" data-label={t('explain.numerator')}>
                          {exact(item.numerator, fmt)}
                        </td>
                        <td className="num" data-label={t('explain.denominator')}>
                          {exact(item.denominator, fmt)}
                        </td>
                        <td data-label={t('explain.detail')}>
                          <span className="detail-list">
                            {Object.entries(item.detail)
                              .filter(([, v]) => v !== null && v !== '')
                              .map(([k, v]) => (
                                <span key={k} className="detail">
                                  <span className="muted">{tr('detail', k)}</span> {shown(k, v, t, tr)}
                                </span>
                              ))}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                total={r.total}
                limit={r.limit}
                offset={r.offset}
                onOffset={(o) =>
                  navigate(withQuery(location, { offset: o ? String(o) : undefined }), { replace: true })
                }
              />
            </>
          )
        }
      </Async>
    </section>
  );
}

/** A detail's value in words where the dictionaries have them (yes/no, channels, categories). */
function shown(key: string, v: string | number | null, t: I18n['t'], tr: I18n['tr']): string {
  if (v === 'yes' || v === 'no') return t(v);
  if (typeof v === 'string' && (key === 'channel' || key === 'category')) return tr(key, v);
  if (typeof v === 'string' && key === 'kind') return tr('funds', v);
  return String(v);
}

/** Figures to the unit (10,385, not 1.04万): an explanation is there to be added up. */
function exact(n: number, fmt: I18n['fmt']): string {
  const r = Math.round(n * 100) / 100;
  return fmt.decimal(r, Number.isInteger(r) ? 0 : 2);
}
