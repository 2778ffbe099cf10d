/**
 * The period board of a month (issue 18): an area and its children, each with its status (a
 * child of a locked area shows locked), how many submissions under it are in, who acted and
 * when, what it waits for and from whom, and the actions the signed-in account may take now
 * (the server says which). Unlocking asks for a reason. A child's name opens its own board.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import type { AreaDetail } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { isMonth } from '../domain/month.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { MonthPicker } from '../ui/month-picker.tsx';
import { Async, Empty, Loading, WriteError } from '../ui/states.tsx';
import { useViewDefaults } from '../ui/view-defaults.ts';
import { SupervisionTabs } from '../supervision/tabs.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { RevisionPanel } from './revision-panel.tsx';
import { PERIOD_STATUSES } from '#core/periods/period-chain.ts';
import type { PeriodAction, PeriodRow } from './types.ts';

export function PeriodsPage() {
  const { t } = useI18n();
  const location = useLocation();
  const defaults = useViewDefaults();
  const area = location.query.get('area') || defaults.area;
  const monthParam = location.query.get('month');
  const month = isMonth(monthParam) ? monthParam : defaults.month;
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, changes), { replace: true });
  const rows = useApi<PeriodRow[]>(area && month ? `/periods${query({ month, within: area })}` : null, {
    keep: true,
  });
  const head = rows.data?.find((r) => r.area === area);
  const names = new Map((rows.data ?? []).map((r) => [r.area, r.name]));
  // Each action taken here: the panels below are asked again (the write dropped the cache).
  const [steps, setSteps] = useState(0);

  return (
    <div className="page periods-page">
      <SupervisionTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>
          {t('period.title')}
          {head && ` · ${head.name}`}
        </h1>
        <p className="muted">{t('period.intro')}</p>
        <div className="controls">
          <AreaSearch label={t('ctl.area')} placeholder={head?.name} onPick={(a) => set({ area: a.code })} />
          {month && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
        </div>
      </header>
      {!area || !month ? (
        <Loading />
      ) : (
        <section className="panel" aria-labelledby="periods-h" aria-busy={rows.loading}>
          <h2 id="periods-h" className="visually-hidden">
            {t('period.title')}
          </h2>
          <Async {...rows}>
            {(list) =>
              list.length === 0 ? (
                <Empty>{t('period.none')}</Empty>
              ) : (
                <Board
                  rows={list}
                  within={area}
                  onChange={() => {
                    rows.reload();
                    setSteps((n) => n + 1);
                  }}
                />
              )
            }
          </Async>
        </section>
      )}
      {head?.locked_within && month && (
        <RevisionPanel key={`revision-${steps}`} area={head.locked_within} month={month} />
      )}
      {head && month && <HistoryPanel key={`history-${steps}`} area={head.area} month={month} names={names} />}
    </div>
  );
}

function Board({ rows, within, onChange }: { rows: PeriodRow[]; within: string; onChange(): void }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string>();
  const names = new Map(rows.map((r) => [r.area, r.name]));
  const ordered = [...rows.filter((r) => r.area === within), ...rows.filter((r) => r.area !== within)];
  return (
    <>
      {done && (
        <p className="note" role="status">
          {done}
        </p>
      )}
      <div className="table-wrap">
        <table className="stack periods-table">
          <caption className="visually-hidden">{t('period.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('period.area')}</th>
              <th scope="col">{t('period.status')}</th>
              <th scope="col">{t('period.progress')}</th>
              <th scope="col">{t('period.acted')}</th>
              <th scope="col">{t('period.awaiting')}</th>
              <th scope="col">{t('period.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => (
              <Row
                key={r.area}
                row={r}
                own={r.area === within}
                names={names}
                onDone={(text) => {
                  setDone(text);
                  onChange();
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Row({
  row,
  own,
  names,
  onDone,
}: {
  row: PeriodRow;
  own: boolean;
  names: Map<string, string>;
  onDone(text: string): void;
}) {
  const { t, fmt, lang } = useI18n();
  const p = row.progress;
  const total = p.open + p.submitted + p.approved + p.locked;
  const acted = [
    row.submitted_by &&
      t('period.submittedBy', { who: row.acted_by.submitted ?? '', at: fmt.date(row.submitted_at!.slice(0, 10)) }),
    row.approved_by &&
      t('period.approvedBy', { who: row.acted_by.approved ?? '', at: fmt.date(row.approved_at!.slice(0, 10)) }),
    row.locked_by &&
      t('period.lockedBy', { who: row.acted_by.locked ?? '', at: fmt.date(row.locked_at!.slice(0, 10)) }),
  ].filter((s): s is string => !!s);
  const held = row.locked_within && row.locked_within !== row.area ? row.locked_within : null;
  return (
    <tr className={own ? 'is-current' : undefined} data-area={row.area}>
      <th scope="row">
        {own || !row.has_children ? (
          <strong>{row.name}</strong>
        ) : (
          <Link href={href('/periods', { area: row.area, month: row.month })}>{row.name}</Link>
        )}
      </th>
      <td data-label={t('period.status')}>
        <span>
          <StatusBadge status={row.status} />
          {held && <HeldBy code={held} name={names.get(held)} />}
        </span>
      </td>
      <td data-label={t('period.progress')}>
        {total > 0
          ? t('period.progressOf', {
              parts: PERIOD_STATUSES.filter((st) => p[st] > 0)
                .map((st) => `${t(`period.status.${st}` as MessageKey)} ${p[st]}`)
                .join(lang === 'zh' ? '、' : ', '),
              total,
            })
          : t('period.nothingAwaits')}
      </td>
      <td data-label={t('period.acted')}>
        {acted.length === 0 ? (
          t('period.nothingAwaits')
        ) : (
          <ul className="period-acted small">
            {acted.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t('period.awaiting')}>
        {row.awaiting
          ? t(`period.await.${row.awaiting.action}` as MessageKey, {
              by: row.awaiting.by_name ?? t('period.await.below'),
            }) + (row.awaiting.count > 1 ? t('period.await.count', { n: row.awaiting.count }) : '')
          : t('period.nothingAwaits')}
      </td>
      <td data-label={t('period.actions')}>
        <Actions row={row} onDone={onDone} />
      </td>
    </tr>
  );
}

/** Which area's lock holds this one, by name (an ancestor off this board is asked for). */
function HeldBy({ code, name }: { code: string; name: string | undefined }) {
  const { t } = useI18n();
  const detail = useApi<AreaDetail>(name === undefined ? `/areas/${encodeURIComponent(code)}` : null);
  return <small className="muted period-held">{t('period.heldBy', { area: name ?? detail.data?.name ?? code })}</small>;
}

/** An account as the audit names it (`user:NAME`), said as its name. */

/** The badge of a status, in the reader's language. */
export function StatusBadge({ status }: { status: PeriodRow['status'] }) {
  const { t } = useI18n();
  const tone = status === 'locked' ? 'badge-alert' : status === 'open' ? 'badge-muted' : 'badge-ok';
  return <span className={`badge ${tone}`}>{t(`period.status.${status}` as MessageKey)}</span>;
}

function Actions({ row, onDone }: { row: PeriodRow; onDone(text: string): void }) {
  const { t } = useI18n();
  const reasonId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();
  const [unlocking, setUnlocking] = useState(false);
  const [reason, setReason] = useState('');
  // Locking an area already held by its ancestor's lock is allowed (it outlasts that lock) but is
  // not what the board offers: it would stand beside every row of a locked subtree.
  const held = row.locked_within !== null && row.locked_within !== row.area;
  const actions = row.actions.filter((a) => !(held && a === 'lock'));
  if (actions.length === 0) return <>{t('period.nothingAwaits')}</>;

  async function act(action: PeriodAction, why?: string) {
    setBusy(true);
    setError(undefined);
    try {
      const body = why ? { month: row.month, area: row.area, reason: why } : { month: row.month, area: row.area };
      await apiSend<PeriodRow>('POST', `/periods/${action}`, body);
      setUnlocking(false);
      setReason('');
      onDone(t('period.done', { area: row.name, action: t(`period.action.${action}` as MessageKey) }));
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  }
  function unlock(e: FormEvent) {
    e.preventDefault();
    if (reason.trim()) void act('unlock', reason.trim());
  }

  return (
    <div className="period-actions">
      {actions
        .filter((a) => a !== 'unlock' || !unlocking)
        .map((a) => (
          <button
            key={a}
            type="button"
            className={a === 'unlock' ? undefined : 'primary'}
            disabled={busy}
            onClick={() => (a === 'unlock' ? setUnlocking(true) : void act(a))}
          >
            {t(`period.action.${a}` as MessageKey)}
          </button>
        ))}
      {unlocking && (
        <form onSubmit={unlock} className="period-unlock">
          <label htmlFor={reasonId}>{t('period.reason')}</label>
          <textarea
            id={reasonId}
            rows={2}
            maxLength={1000}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="muted small">{t('period.reasonHint')}</p>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy || !reason.trim()}>
              {t('period.action.unlock')}
            </button>
            <button type="button" onClick={() => setUnlocking(false)}>
              {t('period.cancel')}
            </button>
          </div>
        </form>
      )}
      <WriteError error={error} />
    </div>
  );
}
