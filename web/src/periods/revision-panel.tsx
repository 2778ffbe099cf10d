/**
 * A locked period's figures beside the live recomputation ("revised"): whether anything moved
 * since the lock, and which indicators and which children's places differ.
 */
import { query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Async } from '../ui/states.tsx';
import type { NoticeRevision, Revision } from './types.ts';

export function RevisionPanel({ area, month }: { area: string; month: string }) {
  const { t, tr, fmt } = useI18n();
  const revision = useApi<Revision>(`/periods/revision${query({ month, area, scheme: 'performance' })}`);
  const value = (v: number | null) => (v === null ? t('dash.noData') : fmt.percent(v));
  return (
    <section className="panel period-revision" aria-labelledby="revision-h">
      <h2 id="revision-h">{t('period.revised')}</h2>
      <Async {...revision}>
        {(r) =>
          !r.changed ? (
            <p className="muted">{t('period.revisedSame')}</p>
          ) : (
            <>
              <p>{t('period.revisedChanged')}</p>
              <div className="table-wrap">
                <table className="stack">
                  <caption className="visually-hidden">{t('period.revised')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('period.what')}</th>
                      <th scope="col" className="num">
                        {t('period.asLocked')}
                      </th>
                      <th scope="col" className="num">
                        {t('period.revisedNow')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.frozen.composite !== r.revised.composite && (
                      <tr>
                        <th scope="row">{t('period.composite')}</th>
                        <td className="num" data-label={t('period.asLocked')}>
                          {fmt.decimal(r.frozen.composite, 1)}
                        </td>
                        <td className="num" data-label={t('period.revisedNow')}>
                          {fmt.decimal(r.revised.composite, 1)}
                        </td>
                      </tr>
                    )}
                    {r.indicators
                      .filter((i) => i.changed)
                      .map((i) => (
                        <tr key={i.indicator}>
                          <th scope="row">{tr('ind', i.indicator)}</th>
                          <td className="num" data-label={t('period.asLocked')}>
                            {value(i.frozen.value)}
                          </td>
                          <td className="num" data-label={t('period.revisedNow')}>
                            {value(i.revised.value)}
                          </td>
                        </tr>
                      ))}
                    {r.ranking
                      .filter((c) => c.changed)
                      .map((c) => (
                        <tr key={c.code}>
                          <th scope="row">{t('period.placeOf', { area: c.name })}</th>
                          <td className="num" data-label={t('period.asLocked')}>
                            {c.frozen
                              ? t('period.place', { rank: c.frozen.rank, score: fmt.decimal(c.frozen.composite, 1) })
                              : '—'}
                          </td>
                          <td className="num" data-label={t('period.revisedNow')}>
                            {c.revised
                              ? t('period.place', { rank: c.revised.rank, score: fmt.decimal(c.revised.composite, 1) })
                              : '—'}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}

/**
 * An issued notification against today's figures: which of its areas were locked when it was
 * issued, and, when a period was unlocked and its figures changed since, the places that differ.
 */
export function IssuedRevision({ id, areaName }: { id: number; areaName: string | null }) {
  const { t, tr, fmt, lang } = useI18n();
  const revision = useApi<NoticeRevision>(`/notifications/${id}/revision`);
  const place = (p: { rank: number; composite: number } | null) =>
    p ? t('period.place', { rank: p.rank, score: fmt.decimal(p.composite, 1) }) : '—';
  return (
    <Async {...revision}>
      {(r) =>
        !r.recorded ? null : (
          <section className={`panel issued-revision${r.revised ? ' is-revised' : ''}`} aria-labelledby="issued-rev-h">
            <h2 id="issued-rev-h">
              {r.revised ? (
                <span className="badge badge-warn">{t('period.issuedRevised')}</span>
              ) : (
                t('period.issuedSame')
              )}
            </h2>
            {r.locked_at_issue.length > 0 && (
              <p className="muted small">
                {t('period.lockedAtIssue', {
                  areas: r.locked_at_issue
                    .map((c) => (c === r.area ? areaName : r.rows.find((row) => row.code === c)?.name) ?? c)
                    .join(lang === 'zh' ? '、' : ', '),
                })}
              </p>
            )}
            {r.revised && (
              <>
                <p>{t('period.issuedRevisedIntro')}</p>
                <div className="table-wrap">
                  <table className="stack">
                    <caption className="visually-hidden">{t('period.issuedRevised')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('period.what')}</th>
                        <th scope="col" className="num">
                          {t('period.asIssued')}
                        </th>
                        <th scope="col" className="num">
                          {t('period.now')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.rows
                        .filter((row) => row.changed)
                        .map((row) => (
                          <tr key={`${row.scheme}:${row.code}`}>
                            <th scope="row">
                              {row.name} <small className="muted">{tr('scheme', row.scheme)}</small>
                            </th>
                            <td className="num" data-label={t('period.asIssued')}>
                              {place(row.issued)}
                            </td>
                            <td className="num" data-label={t('period.now')}>
                              {place(row.now)}
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        )
      }
    </Async>
  );
}
