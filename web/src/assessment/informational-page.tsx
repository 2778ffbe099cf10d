/**
 * The informational figures, shown beside the performance scheme and never scored: household
 * visits per front-line officer, the share of households visited in the last twelve months, and
 * the adopted share of information reports — of an area with its children side by side, or of
 * one room or station (`?kind=unit&code=`).
 */
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Empty, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';
import type { Informational } from './types.ts';
import { ExportLinks } from '../ui/export-links.tsx';

/** The figures in the server's order, each with how its value reads. */
const FIGURES = ['visits_per_officer', 'households_visited_share', 'info_adopted_share'] as const;
type FigureName = (typeof FIGURES)[number];
type Figures = Informational['figures'];

export function InformationalPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const unit = location.query.get('kind') === 'unit' ? location.query.get('code') : null;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const code = unit ?? area;
  const info = useApi<Informational>(
    code && month ? `/informational${query({ month, kind: unit ? 'unit' : 'area', code })}` : null,
    { keep: true },
  );
  const name = info.data?.name ?? '…';

  return (
    <div className="page informational-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('info.title', { name, month: month ? fmt.month(month) : '…' })}</h1>
        <p className="muted">{t('info.intro')}</p>
        {unit && info.data && (
          <p>
            <Link href={`/units/${encodeURIComponent(unit)}`}>{t('trend.toUnit')}</Link>
          </p>
        )}
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <AreaSearch
            label={t('ctl.area')}
            placeholder={unit ? undefined : name}
            onPick={(a) => set({ area: a.code, kind: undefined, code: undefined })}
          />
          {code && month && (
            <ExportLinks
              path="/informational"
              params={{ month, kind: unit ? 'unit' : 'area', code }}
              what={t('info.title', { name, month: fmt.month(month) })}
            />
          )}
        </div>
      </header>
      {!code || !month ? (
        <Loading />
      ) : (
        <Async {...info}>
          {(view) => (
            <>
              <section className="panel" aria-labelledby="info-own-h" aria-busy={info.loading}>
                <h2 id="info-own-h">{view.name}</h2>
                <div className="figures">
                  {FIGURES.map((f) => (
                    <FigureCard key={f} name={f} figure={view.figures[f]} />
                  ))}
                </div>
              </section>
              {view.kind === 'area' && <Children view={view} month={month} />}
            </>
          )}
        </Async>
      )}
    </div>
  );
}

function useFigureFormat() {
  const { t, fmt } = useI18n();
  return (name: FigureName, value: number | null) =>
    value === null
      ? t('dash.noData')
      : name === 'visits_per_officer'
        ? t('info.perOfficer', { n: fmt.decimal(value, 1) })
        : fmt.percent(value);
}

function FigureCard({ name, figure }: { name: FigureName; figure: Figures[string] | undefined }) {
  const { t, fmt } = useI18n();
  const format = useFigureFormat();
  const f = figure ?? { numerator: 0, denominator: 0, value: null };
  return (
    <div className="figure figure-wide">
      <span className="figure-label">{t(`ind.${name}` as MessageKey)}</span>
      <strong className="figure-value">{format(name, f.value)}</strong>
      <span className="figure-detail">
        {t(`info.fraction.${name}` as MessageKey, { n: fmt.count(f.numerator), d: fmt.count(f.denominator) })}
      </span>
      <span className="figure-detail muted small">{t(`info.def.${name}` as MessageKey)}</span>
    </div>
  );
}

/** The children side by side; a name opens that child's own figures and children. */
function Children({ view, month }: { view: Informational; month: string }) {
  const { t, fmt } = useI18n();
  const format = useFigureFormat();
  if (view.children.length === 0)
    return (
      <section className="panel">
        <Empty>{t('info.noChildren')}</Empty>
      </section>
    );
  const caption = t('info.children', { name: view.name });
  return (
    <section className="panel" aria-labelledby="info-children-h">
      <h2 id="info-children-h">{caption}</h2>
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">{t('dash.area')}</th>
              {FIGURES.map((f) => (
                <th key={f} scope="col" className="num">
                  {t(`ind.${f}` as MessageKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.children.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  <Link href={href('/assessment/informational', { area: c.code, month })}>{c.name}</Link>
                </th>
                {FIGURES.map((f) => {
                  const x = c.figures[f] ?? { numerator: 0, denominator: 0, value: null };
                  return (
                    <td key={f} className="num" data-label={t(`ind.${f}` as MessageKey)}>
                      <span>
                        {format(f, x.value)}{' '}
                        <small className="muted">
                          {fmt.count(x.numerator)}/{fmt.count(x.denominator)}
                        </small>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
