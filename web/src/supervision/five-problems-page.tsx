/**
 * The five problems (五个问题) of an area and each of its children on a day: people (rooms
 * staffed), premises (villages covered), how to work (rooms standardized), how to assess (rooms
 * with records in the month), how to keep officers (two years or more in post, and turnover).
 * A child's name opens its own five problems; the weakest child of each measure is marked.
 */
import { useId } from 'react';
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { endOfMonth } from '../domain/month.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation, withQuery, href } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { Async, Empty, Loading } from '../ui/states.tsx';
import { useViewDefaults } from '../ui/view-defaults.ts';
import { SupervisionTabs } from './tabs.tsx';
import type { FiveProblems } from './types.ts';
import { ExportLinks } from '../ui/export-links.tsx';

type Five = FiveProblems['problems'];
type Measure = Five['people'];
const KEYS = ['people', 'premises', 'working', 'assessment', 'retention'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function FiveProblemsPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const dateId = useId();
  const defaults = useViewDefaults();
  const area = location.query.get('area') || defaults.area;
  const dateParam = location.query.get('date');
  const monthParam = location.query.get('month');
  const date =
    dateParam && DATE.test(dateParam)
      ? dateParam
      : monthParam && /^\d{4}-\d{2}$/.test(monthParam)
        ? endOfMonth(monthParam)
        : defaults.month && endOfMonth(defaults.month);
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const five = useApi<FiveProblems>(area && date ? `/five-problems${query({ area, date })}` : null, { keep: true });

  return (
    <div className="page five-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('five.title')}
          {five.data && ` · ${five.data.area.name}`}
        </h1>
        <p className="muted">{t('five.intro')}</p>
        <div className="controls">
          <AreaSearch label={t('ctl.area')} placeholder={five.data?.area.name} onPick={(a) => set({ area: a.code })} />
          <div className="field-inline">
            <label htmlFor={dateId}>{t('five.date')}</label>
            <input
              id={dateId}
              type="date"
              value={date ?? ''}
              required
              onChange={(e) =>
                DATE.test(e.target.value) && set({ date: e.target.value, month: e.target.value.slice(0, 7) })
              }
            />
          </div>
          {area && date && <ExportLinks path="/five-problems" params={{ area, date }} what={t('five.title')} />}
        </div>
      </header>
      {!area || !date ? (
        <Loading />
      ) : (
        <section className="panel" aria-labelledby="five-h" aria-busy={five.loading}>
          <Async {...five}>
            {(f) => (
              <>
                <h2 id="five-h">{t('five.asOf', { date: fmt.date(f.date) })}</h2>
                <p className="muted small">
                  {t('five.windows', {
                    records: `${fmt.date(f.records_window.from)}–${fmt.date(f.records_window.to)}`,
                    turnover: `${fmt.date(f.turnover_window.from)}–${fmt.date(f.turnover_window.to)}`,
                  })}
                </p>
                <FiveTable data={f} />
              </>
            )}
          </Async>
        </section>
      )}
    </div>
  );
}

function FiveTable({ data }: { data: FiveProblems }) {
  const { t } = useI18n();
  const worst = Object.fromEntries(
    KEYS.map((k) => {
      const values = data.children.map((c) => c.problems[k].value).filter((v): v is number => v !== null);
      return [k, values.length > 1 ? Math.min(...values) : undefined];
    }),
  ) as Record<(typeof KEYS)[number], number | undefined>;
  return (
    <div className="table-wrap">
      <table className="stack five-table">
        <caption className="visually-hidden">{t('five.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dash.area')}</th>
            {KEYS.map((k) => (
              <th key={k} scope="col" className="num">
                {t(`five.${k}` as MessageKey)}
                <small className="measure-name">{t(`five.${k}.measure` as MessageKey)}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <Row name={data.area.name} problems={data.problems} own />
          {data.children.length === 0 ? (
            <tr>
              <td colSpan={6}>
                <Empty>{t('dash.noChildren')}</Empty>
              </td>
            </tr>
          ) : (
            data.children.map((c) => (
              <Row
                key={c.code}
                name={c.name}
                problems={c.problems}
                link={href('/five-problems', { area: c.code, date: data.date })}
                worst={worst}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function Row({
  name,
  problems,
  link,
  own,
  worst,
}: {
  name: string;
  problems: Five;
  link?: string;
  own?: boolean;
  worst?: Record<string, number | undefined>;
}) {
  const { t } = useI18n();
  return (
    <tr className={own ? 'is-current' : undefined}>
      <th scope="row">{link ? <Link href={link}>{name}</Link> : <strong>{name}</strong>}</th>
      {KEYS.map((k) => {
        const m = problems[k];
        const isWorst = worst?.[k] !== undefined && m.value === worst[k];
        return (
          <td key={k} data-label={t(`five.${k}` as MessageKey)} className={`num${isWorst ? ' is-worst' : ''}`}>
            <span>
              <MeasureCell m={m} />
              {k === 'retention' && (
                <small className="turnover">
                  {t('five.turnover')} <MeasureCell m={problems.retention.turnover} />
                </small>
              )}
              {isWorst && <span className="visually-hidden">{t('five.weakest')}</span>}
            </span>
          </td>
        );
      })}
    </tr>
  );
}

function MeasureCell({ m }: { m: Measure }) {
  const { t, fmt } = useI18n();
  return (
    <span className="measure">
      <strong>{m.value === null ? t('dash.noData') : fmt.percent(m.value)}</strong>{' '}
      <small className="muted">
        {fmt.count(m.numerator)}/{fmt.count(m.denominator)}
      </small>
    </span>
  );
}
