/** An officer and the history of their postings, latest first. */
import type { Officer } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';

export function OfficerPage({ badge }: { badge: string }) {
  const { t, tr, fmt } = useI18n();
  const officer = useApi<Officer>(`/officers/${encodeURIComponent(badge)}`);
  return (
    <div className="page officer-page">
      <Async {...officer}>
        {(o) => {
          const postings = [...o.postings].sort((a, b) => b.start_date.localeCompare(a.start_date));
          const now = postings.find((p) => p.end_date === null);
          return (
            <>
              <header className="page-head">
                <h1 tabIndex={-1}>{o.name}</h1>
                <dl className="facts">
                  <div>
                    <dt>{t('officer.badge')}</dt>
                    <dd className="mono">{o.badge}</dd>
                  </div>
                  {now && (
                    <div>
                      <dt>{t('officer.role')}</dt>
                      <dd>{tr('role', now.role)}</dd>
                    </div>
                  )}
                  {now && (
                    <div>
                      <dt>{t('officer.unit')}</dt>
                      <dd>
                        <Link href={`/units/${encodeURIComponent(now.unit_code)}`}>
                          {now.unit_name ?? now.unit_code}
                        </Link>
                      </dd>
                    </div>
                  )}
                  {now?.phone && (
                    <div>
                      <dt>{t('officer.phone')}</dt>
                      <dd>
                        <a href={`tel:${now.phone}`}>{now.phone}</a>
                      </dd>
                    </div>
                  )}
                </dl>
              </header>
              <section className="panel" aria-labelledby="history-h">
                <h2 id="history-h">{t('officer.history')}</h2>
                <table className="stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('officer.unit')}</th>
                      <th scope="col">{t('officer.role')}</th>
                      <th scope="col">{t('officer.origin')}</th>
                      <th scope="col">{t('officer.start')}</th>
                      <th scope="col">{t('officer.end')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {postings.map((p) => (
                      <tr key={p.start_date} className={p.end_date === null ? 'is-current' : undefined}>
                        <th scope="row" data-label={t('officer.unit')}>
                          <Link href={`/units/${encodeURIComponent(p.unit_code)}`}>{p.unit_name ?? p.unit_code}</Link>
                        </th>
                        <td data-label={t('officer.role')}>{tr('role', p.role)}</td>
                        <td data-label={t('officer.origin')}>{tr('origin', p.origin)}</td>
                        <td data-label={t('officer.start')}>{fmt.date(p.start_date)}</td>
                        <td data-label={t('officer.end')}>
                          {p.end_date ? fmt.date(p.end_date) : <strong>{t('officer.current')}</strong>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          );
        }}
      </Async>
    </div>
  );
}
