/** Construction funds of an area's subtree: allocated against paid out, and the items behind them. */
import { useId } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail, AreaPage, Funds } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async } from '../ui/states.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const PAGE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function FundsPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const ids = { until: useId(), kind: useId() };
  const areaParam = location.query.get('area');
  const until = location.query.get('until') ?? '';
  const kindParam = location.query.get('kind');
  const kind = kindParam === 'allocation' || kindParam === 'disbursement' ? kindParam : '';
  const offset = Math.max(0, Number(location.query.get('offset')) || 0);
  const roots = useApi<AreaPage>(areaParam ? null : '/areas?level=province&limit=50');
  const code = areaParam ?? roots.data?.items[0]?.code ?? null;
  const area = useApi<AreaDetail>(code ? `/areas/${encodeURIComponent(code)}` : null);
  const funds = useApi<Funds>(
    code
      ? `/funds${query({ area: code, kind, until: DATE.test(until) ? until : undefined, limit: PAGE, offset })}`
      : null,
    { keep: true },
  );
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { offset: undefined, ...changes }), { replace: true });

  return (
    <div className="page funds-page">
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('funds.title')}
          {area.data && ` · ${area.data.name}`}
        </h1>
        <div className="controls">
          <AreaSearch label={t('funds.area')} onPick={(a) => set({ area: a.code })} />
          <div className="field-inline">
            <label htmlFor={ids.until}>{t('funds.until')}</label>
            <input
              id={ids.until}
              type="date"
              value={until}
              onChange={(e) => set({ until: e.target.value || undefined })}
            />
          </div>
          <div className="field-inline">
            <label htmlFor={ids.kind}>{t('funds.kind')}</label>
            <select id={ids.kind} value={kind} onChange={(e) => set({ kind: e.target.value || undefined })}>
              <option value="">{t('funds.all')}</option>
              <option value="allocation">{t('funds.allocation')}</option>
              <option value="disbursement">{t('funds.disbursement')}</option>
            </select>
          </div>
          {code && (
            <ExportLinks
              path="/funds"
              params={{ area: code, kind, until: DATE.test(until) ? until : undefined }}
              what={t('funds.title')}
            />
          )}
        </div>
      </header>
      <Async {...funds} error={funds.error ?? roots.error}>
        {(f) => {
          const rate = f.allocated > 0 ? f.disbursed / f.allocated : null;
          return (
            <>
              <section className="panel funds-totals" aria-label={t('funds.rate')}>
                <div className="figure">
                  <span className="figure-label">{t('funds.allocated')}</span>
                  <strong className="figure-value" title={fmt.yuanExact(f.allocated)}>
                    {fmt.yuan(f.allocated)}
                  </strong>
                </div>
                <div className="figure">
                  <span className="figure-label">{t('funds.disbursed')}</span>
                  <strong className="figure-value" title={fmt.yuanExact(f.disbursed)}>
                    {fmt.yuan(f.disbursed)}
                  </strong>
                </div>
                <div className="figure">
                  <span className="figure-label">{t('funds.rate')}</span>
                  <strong className="figure-value">{rate === null ? '—' : fmt.percent(rate)}</strong>
                  <div className="score-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (rate ?? 0) * 100)}%` }} />
                  </div>
                </div>
              </section>
              <section className="panel">
                {f.items.length === 0 ? (
                  <p className="state state-empty">{t('funds.none')}</p>
                ) : (
                  <>
                    <table className="stack">
                      <thead>
                        <tr>
                          <th scope="col">{t('funds.date')}</th>
                          <th scope="col">{t('funds.kind')}</th>
                          <th scope="col">{t('funds.recipient')}</th>
                          <th scope="col" className="num">
                            {t('funds.amount')}
                          </th>
                          <th scope="col">{t('funds.purpose')}</th>
                          <th scope="col">{t('funds.ref')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {f.items.map((i) => (
                          <tr key={i.ref}>
                            <td data-label={t('funds.date')}>{fmt.date(i.date)}</td>
                            <td data-label={t('funds.kind')}>
                              <span className={`status status-${i.kind}`}>
                                {t(i.kind === 'allocation' ? 'funds.allocation' : 'funds.disbursement')}
                              </span>
                            </td>
                            <td data-label={t('funds.recipient')}>{i.recipient_name ?? i.recipient_code}</td>
                            <td data-label={t('funds.amount')} className="num">
                              {fmt.yuanExact(i.amount)}
                            </td>
                            <td data-label={t('funds.purpose')}>{i.purpose ?? '—'}</td>
                            <td data-label={t('funds.ref')} className="mono">
                              {i.ref}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    <Pager
                      total={f.total}
                      limit={f.limit}
                      offset={f.offset}
                      onOffset={(o) => navigate(withQuery(location, { offset: String(o) }))}
                    />
                  </>
                )}
              </section>
            </>
          );
        }}
      </Async>
    </div>
  );
}
