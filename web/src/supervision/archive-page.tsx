/**
 * The archive of issued notifications, newest first: by area and month (asked of the API) and by
 * number (matched here as it is typed), each with its downloads and a link to read it.
 */
import { useId } from 'react';
import { API, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { isMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { Async, Empty } from '../ui/states.tsx';
import { SupervisionTabs } from './tabs.tsx';
import type { AppealPage, NotificationEntry } from './types.ts';
import { useCan } from '../auth/can.ts';

export function ArchivePage() {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const ids = { month: useId(), number: useId() };
  const area = location.query.get('area') ?? '';
  const monthParam = location.query.get('month');
  const month = isMonth(monthParam) ? monthParam : '';
  const number = location.query.get('number') ?? '';
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null);
  const entries = useApi<NotificationEntry[]>(`/notifications${query({ area, month })}`, { keep: true });
  const wanted = number.trim().toLowerCase();
  // Appeals are shown next to the notice they are against, to the accounts that read tasks.
  const appeals = useApi<AppealPage>(useCan()('tasks:read') ? '/appeals?limit=500' : null);
  const appealsOf = new Map<number, number>();
  for (const a of appeals.data?.items ?? [])
    appealsOf.set(a.notification.id, (appealsOf.get(a.notification.id) ?? 0) + 1);

  return (
    <div className="page archive-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('archive.title')}</h1>
        <div className="controls">
          <div className="field-inline">
            <AreaSearch
              label={t('ctl.area')}
              placeholder={detail.data?.name ?? t('archive.allAreas')}
              onPick={(a) => set({ area: a.code })}
            />
          </div>
          <div className="field-inline">
            <label htmlFor={ids.month}>{t('month.label')}</label>
            <input
              id={ids.month}
              type="month"
              value={month}
              onChange={(e) => set({ month: e.target.value || undefined })}
            />
          </div>
          <div className="field-inline">
            <label htmlFor={ids.number}>{t('archive.number')}</label>
            <input
              id={ids.number}
              type="search"
              value={number}
              placeholder={t('archive.numberHint')}
              onChange={(e) => set({ number: e.target.value || undefined })}
            />
          </div>
          {(area || month || number) && (
            <button type="button" onClick={() => set({ area: undefined, month: undefined, number: undefined })}>
              {t('archive.clear')}
            </button>
          )}
        </div>
      </header>
      <section className="panel" aria-labelledby="archive-h" aria-busy={entries.loading}>
        <h2 id="archive-h" className="visually-hidden">
          {t('archive.title')}
        </h2>
        <Async {...entries}>
          {(all) => {
            const rows = wanted ? all.filter((e) => e.number.toLowerCase().includes(wanted)) : all;
            if (rows.length === 0) return <Empty>{t('archive.none')}</Empty>;
            return (
              <div className="table-wrap">
                <table className="stack archive">
                  <thead>
                    <tr>
                      <th scope="col">{t('archive.number')}</th>
                      <th scope="col">{t('archive.titleCol')}</th>
                      <th scope="col">{t('month.label')}</th>
                      <th scope="col">{t('archive.issued')}</th>
                      <th scope="col">{t('archive.files')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => (
                      <tr key={e.id} className={e.superseded_by ? 'is-superseded' : undefined}>
                        <th scope="row">
                          <Link href={`/notifications/${e.id}`}>{e.number}</Link>
                          {e.superseded_by && (
                            <span className="badge badge-muted">
                              {t('archive.superseded', { number: e.superseded_by })}
                            </span>
                          )}
                          {e.corrects && <span className="badge badge-alert">{t('archive.correction')}</span>}
                          {appealsOf.has(Number(e.id)) && (
                            <Link className="badge badge-warn" href={`/appeals?notification=${e.id}`}>
                              {t('appeals.inArchive', { n: appealsOf.get(Number(e.id))! })}
                            </Link>
                          )}
                        </th>
                        <td data-label={t('archive.titleCol')}>
                          <span>
                            {e.title}
                            <small className="muted"> · {e.area_name ?? e.area_code}</small>
                          </span>
                        </td>
                        <td data-label={t('month.label')}>{fmt.month(e.month)}</td>
                        <td data-label={t('archive.issued')}>
                          <span>
                            {fmt.date(e.issued_on)} <small className="muted">{e.issued_by_name}</small>
                          </span>
                        </td>
                        <td data-label={t('archive.files')}>
                          <span className="file-links">
                            {(['pdf', 'docx', 'xlsx'] as const).map((f) => (
                              <a key={f} href={`${API}/notifications/${e.id}?format=${f}`} download>
                                {t(`doc.format.${f}`)}
                              </a>
                            ))}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Async>
      </section>
    </div>
  );
}
