/**
 * The monthly notification of an area's children: a preview of the draft (built from the
 * document model), downloads in DOCX, PDF and XLSX, and issuing it, numbered and archived with
 * a supervision task per problem (the form: notifications/issue-notice.tsx). When the month's
 * notice is already issued, the page shows and downloads that one, and offers a correction.
 */
import { useState } from 'react';
import { API, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { DocumentView, Downloads } from '../documents/document-view.tsx';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Loading } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { CompletenessWarning } from '../dashboard/standing.tsx';
import { SupervisionTabs } from './tabs.tsx';
import type { Draft, Issued, Notice, NotificationEntry } from './types.ts';
import { IssuedNote, IssueNotice, LockState } from '../notifications/issue-notice.tsx';
import { DocumentLanguage } from '../documents/document-language.tsx';

export function NotificationPage() {
  const { t, fmt, lang: uiLang } = useI18n();
  const location = useLocation();
  const { area, month } = useAreaMonth();
  const docLang: Lang =
    location.query.get('lang') === 'en' ? 'en' : location.query.get('lang') === 'zh' ? 'zh' : uiLang;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && month !== null;
  // The issue date chosen in the form, for this month only (another month starts from the default).
  const [chosen, setChosen] = useState<{ month: string | null; date: string }>();
  const date = chosen?.month === month ? chosen.date : undefined;
  const params = { area, month, lang: docLang, date };
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const draft = useApi<Draft>(ready ? `/notifications/preview${query({ ...params, format: 'json' })}` : null, {
    keep: true,
  });
  const archive = useApi<NotificationEntry[]>(ready ? `/notifications${query({ area, month })}` : null);
  const standing = archive.data?.find((e) => e.superseded_by === null);
  const name = detail.data?.name ?? '…';
  const [issued, setIssued] = useState<Issued>();

  return (
    <div className="page notification-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('notice.title', { area: name, month: month ? fmt.month(month) : '…' })}</h1>
        <p className="muted">{t('notice.intro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <AreaSearch label={t('ctl.area')} placeholder={name} onPick={(a) => set({ area: a.code })} />
          <DocumentLanguage value={docLang} onChange={(l) => set({ lang: l })} />
        </div>
      </header>
      <CompletenessWarning area={area} month={month} />

      {ready && (
        <section className="panel" aria-labelledby="notice-actions-h">
          <h2 id="notice-actions-h">{t('notice.actions')}</h2>
          {issued && <IssuedNote issued={issued} />}
          {standing && (
            <p className="note">
              {t('notice.standing', { number: standing.number, date: fmt.date(standing.issued_on) })}{' '}
              <Link href={`/notifications/${standing.id}`}>{t('notice.view')}</Link>
            </p>
          )}
          {!standing && <LockState area={area} month={month} />}
          {standing ? (
            <Downloads
              label={t('issue.downloadIssued')}
              formats={['docx', 'pdf', 'xlsx']}
              urlOf={(format) => `${API}/notifications/${standing.id}?format=${format}`}
            />
          ) : (
            <Downloads
              label={t('notice.downloadDraft')}
              formats={['docx', 'pdf', 'xlsx']}
              urlOf={(format) => `${API}/notifications/preview${query({ ...params, format })}`}
            />
          )}
          <IssueNotice
            area={area}
            month={month}
            lang={docLang}
            standing={standing}
            onDate={(d) => setChosen({ month, date: d })}
            onIssued={(i) => {
              setIssued(i);
              archive.reload();
            }}
          />
        </section>
      )}

      {standing ? (
        <IssuedDocument id={standing.id} />
      ) : (
        <section className="panel document-panel" aria-labelledby="notice-preview-h" aria-busy={draft.loading}>
          <h2 id="notice-preview-h">{t('notice.preview')}</h2>
          {ready ? (
            <Async {...draft} label={t('notice.composing')}>
              {(d) => <DocumentView doc={d.document} label={t('notice.preview')} />}
            </Async>
          ) : (
            <Loading />
          )}
        </section>
      )}
    </div>
  );
}

/** The standing notice of the month as issued: what the page shows once the month's notice is out. */
function IssuedDocument({ id }: { id: number }) {
  const { t } = useI18n();
  const notice = useApi<Notice>(`/notifications/${id}?format=json`);
  return (
    <section className="panel document-panel" aria-labelledby="notice-issued-h">
      <h2 id="notice-issued-h">{t('issue.issuedDoc')}</h2>
      <Async {...notice}>{(n) => <DocumentView doc={n.content.document} label={n.notification.title} />}</Async>
    </section>
  );
}
