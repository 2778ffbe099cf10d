/**
 * The monthly notification of an area's children: a preview of the draft (built from the
 * document model), downloads in DOCX, PDF and XLSX, and issuing it, numbered and archived with
 * a supervision task per problem. When the month's notice is already issued, it says so and
 * offers a correction (with its reason) instead.
 */
import { useId, useState } from 'react';
import { API, ApiError, apiSend, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { DocumentView, Downloads } from '../documents/document-view.tsx';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Loading, WriteError } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { CompletenessWarning } from '../dashboard/standing.tsx';
import { SupervisionTabs } from './tabs.tsx';
import type { Draft, Issued, NotificationEntry } from './types.ts';
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
  const params = { area, month, lang: docLang };
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const draft = useApi<Draft>(ready ? `/notifications/preview${query({ ...params, format: 'json' })}` : null, {
    keep: true,
  });
  const archive = useApi<NotificationEntry[]>(ready ? `/notifications${query({ area, month })}` : null);
  const standing = archive.data?.find((e) => e.superseded_by === null);
  const name = detail.data?.name ?? '…';

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
          {standing && (
            <p className="note">
              {t('notice.standing', { number: standing.number, date: fmt.date(standing.issued_on) })}{' '}
              <Link href={`/notifications/${standing.id}`}>{t('notice.view')}</Link>
            </p>
          )}
          <Downloads
            label={t('notice.downloadDraft')}
            formats={['docx', 'pdf', 'xlsx']}
            urlOf={(format) => `${API}/notifications/preview${query({ ...params, format })}`}
          />
          <IssueNotice area={area} month={month} lang={docLang} standing={standing} onIssued={archive.reload} />
        </section>
      )}

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
    </div>
  );
}

function IssueNotice({
  area,
  month,
  lang,
  standing,
  onIssued,
}: {
  area: string;
  month: string;
  lang: Lang;
  standing: NotificationEntry | undefined;
  onIssued(): void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const reasonId = useId();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [issued, setIssued] = useState<Issued>();
  if (!can('notifications:write')) return <p className="muted small">{t('notice.cannotIssue')}</p>;
  if (issued)
    return (
      <div className="note" role="status">
        <p>
          {t('notice.issued', {
            number: issued.notification.number,
            opened: issued.tasks.opened,
            carried: issued.tasks.carried,
            withdrawn: issued.tasks.withdrawn,
          })}
        </p>
        <div className="actions">
          <Link href={`/notifications/${issued.notification.id}`}>{t('notice.view')}</Link>
          <Link href={href('/tasks', { notification: issued.notification.id })}>{t('notice.toTasks')}</Link>
        </div>
      </div>
    );
  const correcting = standing !== undefined;
  async function issue() {
    setBusy(true);
    setError(undefined);
    try {
      const body = correcting ? { area, month, lang, corrects: standing!.number, reason } : { area, month, lang };
      const { data } = await apiSend<Issued>('POST', '/notifications', body);
      setIssued(data);
      setConfirming(false);
      onIssued();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="issue">
      {!confirming ? (
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          {correcting ? t('notice.correct') : t('notice.issue')}
        </button>
      ) : (
        <div className="confirm" role="group" aria-label={correcting ? t('notice.correct') : t('notice.issue')}>
          <p>{correcting ? t('notice.confirmCorrect', { number: standing!.number }) : t('notice.confirmIssue')}</p>
          {correcting && (
            <div className="field">
              <label htmlFor={reasonId}>{t('notice.reason')}</label>
              <textarea
                id={reasonId}
                rows={3}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || (correcting && !reason.trim())}
              onClick={() => void issue()}
            >
              {busy ? t('notice.issuing') : correcting ? t('notice.confirmCorrectButton') : t('notice.confirmButton')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('ctl.cancel')}
            </button>
          </div>
        </div>
      )}
      <WriteError error={error} />
    </div>
  );
}
