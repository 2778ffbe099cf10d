/**
 * Appeals (申诉): the appeals within the account's jurisdiction (of one notice when the URL names
 * it), and the form a ranked area's manager files its appeal with: the notice, the area, the
 * reasons and an evidence file. The server checks the time limit, the ranking and the area.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiSend, apiUpload, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useAuth } from '../auth/auth.tsx';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, navigate, useLocation } from '../router/router.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import { SupervisionTabs } from './tabs.tsx';
import { asError } from './task-bits.tsx';
import type { Appeal, AppealPage, NotificationEntry } from './types.ts';

export function AppealsPage() {
  const { t, tr, fmt } = useI18n();
  const location = useLocation();
  const notification = location.query.get('notification') ?? '';
  const appeals = useApi<AppealPage>(`/appeals${query({ notification, limit: 500 })}`, { keep: true });
  const writable = useCan()('tasks:write');
  return (
    <div className="page appeals-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('appeals.title')}</h1>
        <p className="muted">{t('appeals.intro')}</p>
      </header>
      {writable && <FileForm notification={notification} />}
      <section className="panel" aria-labelledby="appeals-h">
        <h2 id="appeals-h">{t('appeals.list')}</h2>
        <Async {...appeals}>
          {(page) =>
            page.total === 0 ? (
              <Empty>{t('appeals.none')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="stack appeals-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('appeals.appeal')}</th>
                      <th scope="col">{t('appeals.notice')}</th>
                      <th scope="col">{t('appeals.area')}</th>
                      <th scope="col">{t('task.status')}</th>
                      <th scope="col">{t('appeals.filed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((a: Appeal) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link href={`/appeals/${a.id}`}>{t('appeals.number', { id: a.id })}</Link>
                        </th>
                        <td data-label={t('appeals.notice')}>
                          <Link href={`/notifications/${a.notification.id}`}>{a.notification.number}</Link>
                        </td>
                        <td data-label={t('appeals.area')}>{a.area.name ?? a.area.code}</td>
                        <td data-label={t('task.status')}>
                          <span>
                            {tr('appealStatus', a.status)}
                            {a.correction && <small className="muted"> · {a.correction.number}</small>}
                          </span>
                        </td>
                        <td data-label={t('appeals.filed')}>{fmt.dateTime(a.filed_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Async>
      </section>
    </div>
  );
}

/** Filing an appeal: the notice (recent ones offered), the area (the account's own by default), reasons, a file. */
function FileForm({ notification }: { notification: string }) {
  const { t } = useI18n();
  const { session } = useAuth();
  const ids = { notice: useId(), area: useId(), reason: useId(), file: useId() };
  const notices = useApi<NotificationEntry[]>('/notifications');
  const [form, setForm] = useState({ notice: notification, area: session?.area ?? '', reason: '' });
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const incomplete = !form.notice || !form.area.trim() || !form.reason.trim();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (incomplete) return;
    setBusy(true);
    setError(undefined);
    try {
      const filed = await apiSend<Appeal>('POST', '/appeals', {
        notification: Number(form.notice),
        area: form.area.trim(),
        reason: form.reason.trim(),
      });
      if (file) await apiUpload(`/appeals/${filed.data.id}/evidence?name=${encodeURIComponent(file.name)}`, file);
      navigate(`/appeals/${filed.data.id}`);
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  const current = (notices.data ?? []).filter((n) => !n.superseded_by);
  return (
    <form className="panel appeal-form" onSubmit={submit} aria-labelledby="appeal-file-h">
      <h2 id="appeal-file-h">{t('appeals.file')}</h2>
      <p className="muted small">{t('appeals.fileHint')}</p>
      <div className="field">
        <label htmlFor={ids.notice}>{t('appeals.notice')}</label>
        <select id={ids.notice} value={form.notice} onChange={(e) => setForm({ ...form, notice: e.target.value })}>
          <option value="">{t('appeals.pickNotice')}</option>
          {current.map((n) => (
            <option key={n.id} value={String(n.id)}>
              {n.number} · {n.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.area}>{t('appeals.areaCode')}</label>
        <input id={ids.area} value={form.area} onChange={(e) => setForm({ ...form, area: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={ids.reason}>{t('appeals.reason')}</label>
        <textarea
          id={ids.reason}
          rows={3}
          maxLength={4000}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.file}>{t('appeals.evidence')}</label>
        <input id={ids.file} type="file" onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || incomplete}>
          {t('appeals.submit')}
        </button>
      </div>
      <WriteError error={error} />
    </form>
  );
}
