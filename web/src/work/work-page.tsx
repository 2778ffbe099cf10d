/**
 * An officer's own page (`GET work`), where it lands: the visit form first (its badge is filled
 * in there, its covered villages offered by name), then this month's figures and how each is
 * made, its records of the month and whether its room has reported by the deadline, and its
 * latest entries. The answer is kept on the device so that the villages are offered offline too.
 */
import { query } from '../api/client.ts';
import type { Work } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { indicatorMeta } from '../domain/indicators.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async } from '../ui/states.tsx';
import { useMeta } from '../ui/meta.tsx';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { isMonth } from '../domain/month.ts';
import { useKeptWork } from './kept-work.ts';

export function WorkPage() {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const location = useLocation();
  const meta = useMeta();
  const param = location.query.get('month');
  const current = meta.status === 'ready' ? meta.meta.current_month : undefined;
  const month = isMonth(param) ? param : current;
  const work = useApi<Work>(`/work${query({ month })}`, { keep: true });
  useKeptWork(work.data);
  // Counts are whole; a denominator of weeks (visits per week) is not.
  const sample = (n: number) => (Number.isInteger(n) ? fmt.count(n) : fmt.decimal(n, 1));
  return (
    <div className="page work-page">
      <header className="page-head">
        <h1 tabIndex={-1}>{t('work.title')}</h1>
        {work.data && (
          <p className="muted">
            {work.data.name} · {work.data.badge}
            {work.data.unit && ` · ${work.data.unit.name} (${work.data.unit.area_name})`}
          </p>
        )}
        <div className="controls">
          <Link className="button primary" href="/records/visits">
            {t('work.newVisit')}
          </Link>
          {month && (
            <MonthPicker
              value={month}
              onChange={(m) => navigate(withQuery(location, { month: m }), { replace: true })}
            />
          )}
        </div>
      </header>
      <Async {...work}>
        {(w) => (
          <>
            <section className="panel" aria-labelledby="work-month">
              <h2 id="work-month">{t('work.month', { month: fmt.month(w.month) })}</h2>
              <div className="figures">
                <Figure label={t('kind.visits')} value={w.counts.visits} />
                <Figure label={t('kind.info_reports')} value={w.counts.info_reports} />
                <Figure label={t('kind.familiarity_checks')} value={w.counts.familiarity_checks} />
              </div>
              {w.reporting && (
                <p
                  className={`completeness-note${w.reporting.reporting > 0 ? '' : ' is-low'}`}
                  data-testid="work-reporting"
                >
                  {w.reporting.reporting > 0
                    ? t(w.reporting.on_time > 0 ? 'work.reportedOnTime' : 'work.reportedLate', {
                        deadline: fmt.date(w.reporting.deadline),
                      })
                    : t('work.notReported', { deadline: fmt.date(w.reporting.deadline) })}
                </p>
              )}
              {w.covers.length > 0 && (
                <p>
                  <strong>{t('work.covers')}</strong> {w.covers.map((c) => c.name).join(t('sep.list'))}
                </p>
              )}
            </section>
            <section className="panel" aria-labelledby="work-scheme">
              <h2 id="work-scheme">
                {t('work.scheme')} <small className="muted">{fmt.decimal(w.scheme.composite, 1)}</small>
              </h2>
              <p className="muted small">{t('work.schemeIntro')}</p>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('work.indicator')}</th>
                      <th scope="col" className="num">
                        {t('work.value')}
                      </th>
                      <th scope="col" className="num">
                        {t('work.sample')}
                      </th>
                      <th scope="col" className="num">
                        {t('work.score')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {w.scheme.indicators.map((i) => (
                      <tr key={i.name}>
                        <th scope="row">
                          {t(`ind.${i.name}` as MessageKey)}
                          <small className="muted">
                            {' '}
                            {t('work.how', {
                              weight: i.weight,
                              floor: formatIndicator(indicatorMeta(i.name), i.floor, i18n),
                              target: formatIndicator(indicatorMeta(i.name), i.target, i18n),
                            })}
                          </small>
                        </th>
                        <td className="num">
                          {i.value === null ? t('dash.noData') : formatIndicator(indicatorMeta(i.name), i.value, i18n)}
                        </td>
                        <td className="num">
                          {sample(i.numerator)}/{sample(i.denominator)}
                          {i.small_sample && <span className="badge">{t('work.smallSample')}</span>}
                        </td>
                        <td className="num">{fmt.decimal(i.score, 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section className="panel" aria-labelledby="work-recent">
              <h2 id="work-recent">{t('work.recent')}</h2>
              {w.recent.length === 0 ? (
                <p className="state state-empty">{t('work.noRecent')}</p>
              ) : (
                <ul className="work-recent">
                  {w.recent.map((r) => (
                    <li key={`${r.kind}:${r.key}:${r.date}`}>
                      <span>{fmt.date(r.date)}</span> {t(`kind.${r.kind}` as MessageKey)} <code>{r.key}</code>{' '}
                      <small className="muted">{r.detail}</small>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <Link href={href('/records/outbox')}>{t('outbox.title')}</Link>
              </p>
            </section>
          </>
        )}
      </Async>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  const { fmt } = useI18n();
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <strong className="figure-value">{fmt.count(value)}</strong>
    </div>
  );
}
