/**
 * One appeal (申诉): its notice, area, reasons and evidence; the issuing level's decision with its
 * reason (not offered to the account that filed it); once upheld, the steps to the correction
 * notice (unlock → correction → relock → correction notice), each linking to where it is done.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { API, ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useAuth } from '../auth/auth.tsx';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { Segmented } from '../ui/segmented.tsx';
import { SupervisionTabs } from './tabs.tsx';
import { asError } from './task-bits.tsx';
import type { AppealDetail } from './types.ts';

export function AppealPage({ id }: { id: string }) {
  const loaded = useApi<AppealDetail>(`/appeals/${encodeURIComponent(id)}`);
  const [fresh, setFresh] = useState<AppealDetail>();
  useEffect(() => setFresh(undefined), [loaded.data]);
  return (
    <div className="page appeal-page">
      <SupervisionTabs />
      <Async {...loaded}>{(appeal) => <AppealView appeal={fresh ?? appeal} onChange={setFresh} />}</Async>
    </div>
  );
}

function AppealView({ appeal, onChange }: { appeal: AppealDetail; onChange(a: AppealDetail): void }) {
  const { t, tr, fmt } = useI18n();
  const { session } = useAuth();
  const writable = useCan()('tasks:write');
  const own = session !== undefined && appeal.filed_by === `user:${session.username}`;
  return (
    <>
      <header className="page-head">
        <p className="muted">
          <Link href={`/notifications/${appeal.notification.id}`}>{appeal.notification.number}</Link> ·{' '}
          {fmt.month(appeal.month)}
        </p>
        <h1 tabIndex={-1}>
          {t('appeals.number', { id: appeal.id })} · {appeal.area.name ?? appeal.area.code}
        </h1>
      </header>
      <section className="panel" aria-labelledby="appeal-facts-h">
        <h2 id="appeal-facts-h">{t('appeals.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('task.status')}</dt>
            <dd>
              <span className={`appeal-status appeal-status-${appeal.status}`}>
                {tr('appealStatus', appeal.status)}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('appeals.reason')}</dt>
            <dd>{appeal.reason}</dd>
          </div>
          <div>
            <dt>{t('appeals.filed')}</dt>
            <dd>
              {fmt.dateTime(appeal.filed_at)} <small className="muted">{appeal.filed_by_name}</small>
            </dd>
          </div>
          <div>
            <dt>{t('appeals.until')}</dt>
            <dd>{fmt.date(appeal.appeal_until)}</dd>
          </div>
          {appeal.decided_at && (
            <div>
              <dt>{t('appeals.decision')}</dt>
              <dd>
                {appeal.decision_reason}{' '}
                <small className="muted">
                  {fmt.dateTime(appeal.decided_at)} {appeal.decided_by_name}
                </small>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('appeals.evidence')}</dt>
            <dd>
              {appeal.evidence.length === 0 ? (
                <span className="muted">{t('appeals.noEvidence')}</span>
              ) : (
                <ul className="plain-list">
                  {appeal.evidence.map((e) => (
                    <li key={e.id}>
                      <a href={`${API}/appeals/${appeal.id}/evidence/${e.id}`} download>
                        {e.file_name}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </section>
      {appeal.steps.length > 0 && <Steps appeal={appeal} />}
      {writable && appeal.status === 'pending' && (
        <section className="panel" aria-labelledby="appeal-decide-h">
          <h2 id="appeal-decide-h">{t('appeals.decide')}</h2>
          {own ? <p className="note">{t('appeals.ownNote')}</p> : <DecisionForm appeal={appeal} onChange={onChange} />}
        </section>
      )}
    </>
  );
}

/** From the upheld appeal to the correction notice that closes it. */
function Steps({ appeal }: { appeal: AppealDetail }) {
  const { t, tr } = useI18n();
  return (
    <section className="panel" aria-labelledby="appeal-steps-h">
      <h2 id="appeal-steps-h">{t('appeals.steps')}</h2>
      <ol className="appeal-steps">
        {appeal.steps.map((s) => (
          <li key={s.step} className={s.done ? 'is-done' : undefined}>
            <Link href={s.link}>{tr('appealStep', s.step)}</Link>{' '}
            <span className={`badge ${s.done ? 'badge-ok' : 'badge-muted'}`}>
              {s.done ? t('appeals.stepDone') : t('appeals.stepTodo')}
            </span>
            {s.step === 'correction' && appeal.correction && (
              <> · {t('appeals.closedBy', { number: appeal.correction.number })}</>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function DecisionForm({ appeal, onChange }: { appeal: AppealDetail; onChange(a: AppealDetail): void }) {
  const { t } = useI18n();
  const reasonId = useId();
  const [decision, setDecision] = useState<'upheld' | 'rejected'>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!decision || !reason.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      onChange(
        (await apiSend<AppealDetail>('POST', `/appeals/${appeal.id}/decision`, { decision, reason: reason.trim() }))
          .data,
      );
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit}>
      <Segmented<'upheld' | 'rejected'>
        legend={t('appeals.decision')}
        name="decision"
        value={decision}
        options={[
          { value: 'upheld', label: t('appeals.uphold') },
          { value: 'rejected', label: t('appeals.reject') },
        ]}
        onChange={setDecision}
      />
      <div className="field">
        <label htmlFor={reasonId}>{t('appeals.decisionReason')}</label>
        <textarea id={reasonId} rows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !decision || !reason.trim()}>
          {t('appeals.decideButton')}
        </button>
      </div>
      <WriteError error={error} />
    </form>
  );
}
