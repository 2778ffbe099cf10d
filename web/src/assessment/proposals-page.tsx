/**
 * Rewards and punishments proposed for a month from each scheme's composite: commendations,
 * criticisms and interviews of an area's children and of its officers, each with the figures
 * behind it and the threshold it crossed; an admin approves or rejects each once, with a note.
 */
import { useId, useState } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Empty, Loading, WriteError } from '../ui/states.tsx';
import { useAreaMonth } from '../ui/view-defaults.ts';
import { CompletenessWarning } from '../dashboard/standing.tsx';
import { AssessmentTabs } from './tabs.tsx';
import type { Proposal } from './types.ts';
import { Segmented } from '../ui/segmented.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

const MEASURES = ['commendation', 'criticism', 'interview'] as const;
const STATUSES = ['', 'proposed', 'approved', 'rejected'] as const;

export function ProposalsPage() {
  const { t, tr, fmt } = useI18n();
  const location = useLocation();
  const statusId = useId();
  const { area, month } = useAreaMonth();
  const statusParam = location.query.get('status') ?? '';
  const status = (STATUSES as readonly string[]).includes(statusParam) ? statusParam : '';
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const ready = area !== null && month !== null;
  const detail = useApi<AreaDetail>(area ? `/areas/${encodeURIComponent(area)}` : null, { keep: true });
  const proposals = useApi<Proposal[]>(ready ? `/proposals${query({ month, within: area, status })}` : null, {
    keep: true,
  });
  const [decided, setDecided] = useState<Record<string, Proposal>>({});
  const subjectParam = location.query.get('subject');
  const subject = subjectParam === 'area' || subjectParam === 'officer' ? subjectParam : '';
  const everything = proposals.data?.map((p) => decided[p.id] ?? p);
  const list = everything?.filter((p) => !subject || p.subject_kind === subject);
  const count = (k: string) => everything?.filter((p) => !k || p.subject_kind === k).length;

  return (
    <div className="page proposals-page">
      <AssessmentTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('proposals.title', { area: detail.data?.name ?? '…', month: month ? fmt.month(month) : '…' })}
        </h1>
        <p className="muted">{t('proposals.intro')}</p>
        <div className="controls">
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          <AreaSearch label={t('ctl.area')} placeholder={detail.data?.name} onPick={(a) => set({ area: a.code })} />
          <Segmented
            legend={t('proposals.subject')}
            name="subject"
            value={subject}
            options={(['', 'area', 'officer'] as const).map((k) => ({
              value: k,
              label: (
                <>
                  {t(k === '' ? 'funds.all' : k === 'area' ? 'proposals.areas' : 'proposals.officers')}
                  {count(k) !== undefined && <span className="count-in">{count(k)}</span>}
                </>
              ),
            }))}
            onChange={(k) => set({ subject: k || undefined })}
          />
          <div className="field-inline">
            <label htmlFor={statusId}>{t('proposals.status')}</label>
            <select id={statusId} value={status} onChange={(e) => set({ status: e.target.value || undefined })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s ? tr('proposal', s) : t('funds.all')}
                </option>
              ))}
            </select>
          </div>
          {ready && (
            <ExportLinks
              path="/proposals"
              params={{ month, within: area, status }}
              what={t('proposals.title', { area: detail.data?.name ?? '…', month: month ? fmt.month(month) : '…' })}
            />
          )}
        </div>
      </header>
      <CompletenessWarning area={area} month={month} />
      {!ready ? (
        <Loading />
      ) : (
        <Async {...proposals} data={list}>
          {(all) =>
            all.length === 0 ? (
              <Empty>{t('proposals.none')}</Empty>
            ) : (
              MEASURES.map((m) => {
                const items = all.filter((p) => p.measure === m);
                if (items.length === 0) return null;
                return (
                  <section key={m} className="panel" aria-labelledby={`measure-${m}`}>
                    <h2 id={`measure-${m}`}>
                      {tr('measure', m)} <span className="muted small">{items.length}</span>
                    </h2>
                    <ul className="proposal-list">
                      {items.map((p) => (
                        <li key={p.id}>
                          <ProposalCard proposal={p} onDecided={(d) => setDecided((x) => ({ ...x, [d.id]: d }))} />
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })
            )
          }
        </Async>
      )}
    </div>
  );
}

function ProposalCard({ proposal: p, onDecided }: { proposal: Proposal; onDecided(p: Proposal): void }) {
  const { t, tr, fmt } = useI18n();
  const can = useCan();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const f = p.figures;
  async function decide(decision: 'approved' | 'rejected') {
    setBusy(true);
    setError(undefined);
    try {
      const body = note.trim() ? { decision, note: note.trim() } : { decision };
      onDecided((await apiSend<Proposal>('POST', `/proposals/${encodeURIComponent(p.id)}/decision`, body)).data);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  const why: MessageKey =
    p.measure === 'commendation'
      ? 'proposals.why.commendation'
      : p.measure === 'interview'
        ? 'proposals.why.interview'
        : 'proposals.why.criticism';
  return (
    <article className={`proposal measure-${p.measure}`} aria-labelledby={`p-${p.id}`}>
      <header className="proposal-head">
        <h3 id={`p-${p.id}`}>
          {p.name}{' '}
          <small className="muted">
            {t(p.subject_kind === 'officer' ? 'proposals.officer' : 'proposals.area')} ·{' '}
            {t(`trend.scheme.${p.scheme}` as MessageKey)}
          </small>
        </h3>
        <span className={`badge proposal-${p.status}`}>{tr('proposal', p.status)}</span>
        {!p.current && <span className="badge badge-muted">{t('proposals.notCurrent')}</span>}
      </header>
      <p className="proposal-figures">
        <strong>{fmt.decimal(f.composite, 1)}</strong> {t('proposals.rank', { rank: f.rank, ranked: f.ranked })}
        {f.lagging && <span className="badge badge-lagging">{t('dash.lagging')}</span>}
      </p>
      <p className="muted small">
        {t(why, {
          commendation: f.thresholds.commendation,
          criticism: f.thresholds.criticism,
          interview: f.thresholds.interview,
          months: f.thresholds.interview_months,
        })}
      </p>
      {f.history.length > 1 && (
        <p className="small history">
          {f.history.map((h) => `${fmt.month(h.month)} ${fmt.decimal(h.composite, 1)}`).join(' → ')}
        </p>
      )}
      {f.problems.length > 0 && (
        <p className="small">
          <span className="muted">{t('dash.problems')}：</span>
          {f.problems.map((x) => tr('ind', x)).join(t('sep.list'))}
        </p>
      )}
      {p.decision && (
        <p className="small decision">
          {t('proposals.decided', { by: p.decision.decided_by_name, at: fmt.dateTime(p.decision.decided_at) })}
          {p.decision.note && ` · ${p.decision.note}`}
        </p>
      )}
      {p.status === 'proposed' && can('proposals:decide') && (
        <div className="decide">
          <label htmlFor={noteId} className="visually-hidden">
            {t('proposals.note')}
          </label>
          <input
            id={noteId}
            placeholder={t('proposals.note')}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('approved')}>
            {t('proposals.approve')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide('rejected')}>
            {t('proposals.reject')}
          </button>
        </div>
      )}
      <WriteError error={error} />
    </article>
  );
}
