/** One issued notification as archived: its number, who issued it when, its hash, and the document itself. */
import { API } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { DocumentView, Downloads } from '../documents/document-view.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';
import { IssuedRevision } from '../periods/revision-panel.tsx';
import { ReceiptsPanel } from '../notifications/receipts-panel.tsx';
import { SupervisionTabs } from './tabs.tsx';
import type { Notice } from './types.ts';

export function NoticePage({ id }: { id: string }) {
  const { t, fmt } = useI18n();
  const notice = useApi<Notice>(`/notifications/${encodeURIComponent(id)}?format=json`);
  return (
    <div className="page notice-page">
      <SupervisionTabs />
      <Async {...notice}>
        {({ notification: n, content }) => (
          <>
            <header className="page-head">
              <h1 tabIndex={-1}>{n.number}</h1>
              <p className="muted">{n.title}</p>
            </header>
            <section className="panel" aria-labelledby="notice-facts-h">
              <h2 id="notice-facts-h" className="visually-hidden">
                {t('notice.facts')}
              </h2>
              <dl className="facts">
                <div>
                  <dt>{t('ctl.area')}</dt>
                  <dd>{n.area_name ?? n.area_code}</dd>
                </div>
                <div>
                  <dt>{t('month.label')}</dt>
                  <dd>{fmt.month(n.month)}</dd>
                </div>
                <div>
                  <dt>{t('archive.issued')}</dt>
                  <dd>
                    {fmt.date(n.issued_on)} · {n.issued_by_name}
                  </dd>
                </div>
                <div>
                  <dt>{t('notice.hash')}</dt>
                  <dd className="mono" title={n.content_hash}>
                    {n.content_hash.slice(0, 16)}…
                  </dd>
                </div>
                {n.corrects && (
                  <div>
                    <dt>{t('notice.corrects')}</dt>
                    <dd>
                      {n.corrects}
                      {n.correction_reason && <small className="muted"> · {n.correction_reason}</small>}
                    </dd>
                  </div>
                )}
                {n.superseded_by && (
                  <div>
                    <dt>{t('notice.supersededBy')}</dt>
                    <dd>{n.superseded_by}</dd>
                  </div>
                )}
              </dl>
              <Downloads
                label={t('notice.download')}
                formats={['docx', 'pdf', 'xlsx']}
                urlOf={(f) => `${API}/notifications/${n.id}?format=${f}`}
              />
              <p className="actions">
                <Link href={href('/tasks', { notification: n.id })}>{t('notice.toTasks')}</Link>
                <Link href={href('/tasks/table', { notification: n.id })}>{t('tasks.table.open')}</Link>
                <Link href={href('/appeals', { notification: n.id })}>{t('sup.tab.appeals')}</Link>
                <Link href={href('/notifications', { area: n.area_code, month: n.month })}>{t('notice.toMonth')}</Link>
              </p>
            </section>
            <ReceiptsPanel id={n.id} />
            <IssuedRevision id={n.id} areaName={n.area_name} />
            <section className="panel document-panel" aria-label={t('notice.document')}>
              <DocumentView doc={content.document} label={n.title} />
            </section>
          </>
        )}
      </Async>
    </div>
  );
}
