/**
 * The data-quality report of an area for a month: records that cannot be placed (an officer's
 * record dated outside every posting), surveys with no answer, villages without a survey,
 * online answers beside the others, and data that looks implausible (a room whose answers are
 * all alike, too many visits in a day, indicators that double or halve).
 */
import { useState, type ReactNode } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { formatIndicator } from '../dashboard/indicator-format.ts';
import { indicatorMeta } from '../domain/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { AssessmentTabs } from './tabs.tsx';
import type { Quality } from './types.ts';
import { ExportLinks } from '../ui/export-links.tsx';

export function QualityPage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && month !== null;
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const report = useApi<Quality>(ready ? `/quality${query({ month, area })}` : null, { keep: true });

  return (
    <div className="page quality-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('quality.title', { area: detail.data?.name ?? '…', month: month ? fmt.month(month) : '…' })}
        </h1>
        <p className="muted">{t('quality.intro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <AreaSearch label={t('ctl.area')} placeholder={detail.data?.name} onPick={(a) => set({ area: a.code })} />
        </div>
      </header>
      {!ready ? <Loading /> : <Async {...report}>{(q) => <Report q={q} />}</Async>}
    </div>
  );
}

function Report({ q }: { q: Quality }) {
  const i18n = useI18n();
  const { t, tr, fmt } = i18n;
  const rate = (n: number, d: number) => (d === 0 ? t('dash.noData') : fmt.percent(n / d));
  const issues =
    q.unplaced.total +
    q.empty_surveys.total +
    q.villages_without_surveys.total +
    q.implausible.identical_answers.total +
    q.implausible.busy_days.total +
    q.implausible.jumps.total;
  return (
    <>
      <section className="panel" aria-labelledby="q-summary-h">
        <h2 id="q-summary-h">{t('quality.summary')}</h2>
        <div className="figures">
          <Figure label={t('quality.unplaced')} value={q.unplaced.total} />
          <Figure label={t('quality.empty')} value={q.empty_surveys.total} />
          <Figure
            label={t('quality.noSurveys')}
            value={q.villages_without_surveys.total}
            detail={t('quality.ofVillages', { n: fmt.count(q.villages_without_surveys.villages) })}
          />
          <Figure
            label={t('quality.implausible')}
            value={q.implausible.identical_answers.total + q.implausible.busy_days.total + q.implausible.jumps.total}
          />
        </div>
        {issues === 0 && <p className="pass-mark">{t('quality.clean')}</p>}
      </section>

      <section className="panel" aria-labelledby="q-online-h">
        <h2 id="q-online-h">{t('quality.online')}</h2>
        <p className="muted small">{t('quality.onlineHint')}</p>
        {q.online_surveys.past_cap > 0 && (
          <p className="field-error" data-testid="q-past-cap">
            {t('quality.pastCap', { n: fmt.count(q.online_surveys.past_cap) })}
          </p>
        )}
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t('quality.channel')}</th>
                <th scope="col" className="num">
                  {t('quality.surveys')}
                </th>
                <th scope="col" className="num">
                  {t('ind.awareness_rate')}
                </th>
                <th scope="col" className="num">
                  {t('ind.satisfaction_rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(['online', 'other'] as const).map((c) => {
                const x = q.online_surveys[c];
                return (
                  <tr key={c}>
                    <th scope="row">{t(c === 'online' ? 'channel.online' : 'quality.otherChannels')}</th>
                    <td className="num" data-label={t('quality.surveys')}>
                      {fmt.count(x.surveys)}
                    </td>
                    <td className="num" data-label={t('ind.awareness_rate')}>
                      {rate(x.knows_yes, x.knows_answered)}
                    </td>
                    <td className="num" data-label={t('ind.satisfaction_rate')}>
                      {rate(x.satisfied, x.satisfaction_answered)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <List
        id="q-unplaced"
        file={{ area: q.area, month: q.month, list: 'unplaced' }}
        title={t('quality.unplaced')}
        hint={t('quality.unplacedHint')}
        total={q.unplaced.total}
        head={[t('explain.record'), t('col.date'), t('col.badge')]}
        rows={q.unplaced.items.map((r) => [
          <>
            <span className="muted small">{tr('kind', r.kind)}</span> <span className="mono">{r.key}</span>
          </>,
          fmt.date(r.date),
          <Link href={`/officers/${encodeURIComponent(r.badge)}`}>{r.badge}</Link>,
        ])}
      />
      <List
        id="q-empty"
        file={{ area: q.area, month: q.month, list: 'empty_surveys' }}
        title={t('quality.empty')}
        hint={t('quality.emptyHint')}
        total={q.empty_surveys.total}
        head={[t('col.ref'), t('col.date'), t('col.area_code'), t('col.channel')]}
        rows={q.empty_surveys.items.map((r) => [
          <span className="mono">{r.ref}</span>,
          fmt.date(r.date),
          r.area_code,
          r.channel ? tr('channel', r.channel) : '—',
        ])}
      />
      <List
        id="q-villages"
        file={{ area: q.area, month: q.month, list: 'villages_without_surveys' }}
        title={t('quality.noSurveys')}
        total={q.villages_without_surveys.total}
        head={[t('dash.area'), t('areas.code')]}
        rows={q.villages_without_surveys.items.map((v) => [
          <Link href={href('/areas', { area: v.code })}>{v.name}</Link>,
          <span className="mono">{v.code}</span>,
        ])}
      />
      <List
        id="q-identical"
        file={{ area: q.area, month: q.month, list: 'identical_answers' }}
        title={t('quality.identical')}
        hint={t('quality.identicalHint', { n: q.limits.identical_min_answers })}
        total={q.implausible.identical_answers.total}
        head={[t('officer.unit'), t('quality.answers'), t('quality.sample')]}
        rows={q.implausible.identical_answers.items.map((r) => [
          <Link href={`/units/${encodeURIComponent(r.unit_code)}`}>{r.name}</Link>,
          fmt.count(r.answers),
          r.sample,
        ])}
      />
      <List
        id="q-busy"
        file={{ area: q.area, month: q.month, list: 'busy_days' }}
        title={t('quality.busy')}
        hint={t('quality.busyHint', { n: q.limits.max_visits_per_day })}
        total={q.implausible.busy_days.total}
        head={[t('col.badge'), t('col.date'), t('quality.visits')]}
        rows={q.implausible.busy_days.items.map((r) => [
          <Link href={`/officers/${encodeURIComponent(r.badge)}`}>{r.badge}</Link>,
          fmt.date(r.date),
          fmt.count(r.visits),
        ])}
      />
      <List
        id="q-jumps"
        file={{ area: q.area, month: q.month, list: 'jumps' }}
        title={t('quality.jumps')}
        hint={t('quality.jumpsHint', { factor: q.limits.jump_factor, n: q.limits.jump_min_denominator })}
        total={q.implausible.jumps.total}
        head={[t('dash.area'), t('explain.indicator'), t('quality.before'), t('quality.now')]}
        rows={q.implausible.jumps.items.map((j) => {
          const meta = indicatorMeta(j.indicator);
          return [
            j.name,
            <>
              <Link
                href={href('/assessment/explain', {
                  area: j.area,
                  month: q.month,
                  scheme: j.scheme,
                  indicator: j.indicator,
                })}
              >
                {tr('ind', j.indicator)}
              </Link>{' '}
              <span className={j.direction === 'up' ? 'up' : 'down'}>{j.direction === 'up' ? '▲' : '▼'}</span>
            </>,
            `${formatIndicator(meta, j.previous.value, i18n)} (${fmt.count(j.previous.denominator)})`,
            `${formatIndicator(meta, j.current.value, i18n)} (${fmt.count(j.current.denominator)})`,
          ];
        })}
      />
    </>
  );
}

function Figure({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const { fmt } = useI18n();
  return (
    <div className={`figure${value > 0 ? ' figure-warn' : ''}`}>
      <span className="figure-label">{label}</span>
      <strong className="figure-value">{fmt.count(value)}</strong>
      {detail && <span className="figure-detail">{detail}</span>}
    </div>
  );
}

/** Items shown before "show all". */
const FIRST = 10;

/** One finding: its count, what it means, and its first items (the API lists up to 100). */
function List({
  id,
  file,
  title,
  hint,
  total,
  head,
  rows,
}: {
  id: string;
  /** The route's parameters of this list as a file (every item, not only the first 100). */
  file: { area: string; month: string; list: string };
  title: string;
  hint?: string;
  total: number;
  head: string[];
  rows: ReactNode[][];
}) {
  const { t, fmt } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, FIRST);
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>
          {title} <span className={total > 0 ? 'badge badge-alert' : 'badge badge-ok'}>{fmt.count(total)}</span>
        </h2>
        {total > 0 && <ExportLinks path="/quality" params={file} what={title} />}
      </div>
      {hint && <p className="muted small">{hint}</p>}
      {total === 0 ? (
        <p className="muted">{t('quality.noneFound')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((cells, i) => (
                  <tr key={i}>
                    {cells.map((c, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {c}
                        </th>
                      ) : (
                        <td key={j} data-label={head[j]}>
                          <span>{c}</span>
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > FIRST && (
            <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('quality.fewer') : t('quality.all', { n: fmt.count(rows.length) })}
            </button>
          )}
          {all && total > rows.length && (
            <p className="muted small">{t('quality.more', { shown: rows.length, total: fmt.count(total) })}</p>
          )}
        </>
      )}
    </section>
  );
}
