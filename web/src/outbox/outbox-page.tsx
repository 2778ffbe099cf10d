/**
 * `/records/outbox`: the records kept on this device for the signed-in account, oldest first,
 * each with its kind, date, village or badge, state and the server's reasons; "send now", and
 * for each record not on its way: open it in its form to correct it, or discard it (asked
 * twice, since nothing else keeps it).
 */
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { kindByName } from '../records/kinds.ts';
import { labelOf } from '../records/record-field.tsx';
import { href, Link } from '../router/router.tsx';
import { useOutbox, type Outbox } from './outbox-context.tsx';
import { removeEntry, type OutboxEntry } from './outbox-store.ts';

/** The columns that tell one record from another at a glance, in this order. */
const SUMMARY = ['area_code', 'badge', 'patrol_code', 'household_ref', 'ref', 'category'];

/** Whether the browser believes it has a network, kept current. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

export function OutboxPage() {
  const { t } = useI18n();
  const outbox = useOutbox();
  const { user, entries, sending, sendNow } = outbox;
  const [confirming, setConfirming] = useState<string>();
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  const rejected = entries.length - waiting;

  return (
    <div className="page outbox-page">
      <h1 tabIndex={-1}>{t('outbox.title')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <section className="panel" aria-labelledby="outbox-h">
        <div className="outbox-head">
          <h2 id="outbox-h">
            {entries.length === 0
              ? t('outbox.empty')
              : [
                  waiting > 0 ? t('outbox.waitingCount', { n: waiting }) : '',
                  rejected > 0 ? t('outbox.rejectedCount', { n: rejected }) : '',
                ]
                  .filter(Boolean)
                  .join(t('outbox.and'))}
          </h2>
          <button type="button" className="primary" onClick={sendNow} disabled={!!sending || waiting === 0 || !user}>
            {sending ? t('outbox.sendingNow') : t('outbox.sendNow')}
          </button>
        </div>
        <RoundStatus outbox={outbox} />
        {entries.length > 0 && (
          <ol className="outbox-list">
            {entries.map((entry) => (
              <OutboxItem
                key={entry.id}
                entry={entry}
                onWay={sending?.id === entry.id}
                confirming={confirming === entry.id}
                onConfirm={(yes) => setConfirming(yes ? entry.id : undefined)}
                onDiscard={() => {
                  if (user) removeEntry(user, entry.id);
                  setConfirming(undefined);
                }}
              />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** Where sending stands: the round under way, the network, or how the last round ended. */
function RoundStatus({ outbox }: { outbox: Outbox }) {
  const { t } = useI18n();
  const online = useOnline();
  const { sending, last, entries } = outbox;
  const time = last ? clock(last.at) : '';
  let text = '';
  if (sending) text = t('outbox.sending', { done: sending.done + 1, total: sending.total });
  else if (!online) text = t('outbox.offline');
  else if (last?.end === 'unauthorized') text = t('outbox.signIn');
  else if (last?.end === 'later') text = t('outbox.later', { time });
  else if (last && last.sent > 0) text = t('outbox.sent', { n: last.sent, time });
  else if (entries.some((e) => e.state === 'waiting')) text = t('outbox.willSend');
  return (
    <p className="outbox-status" role="status" aria-live="polite">
      {sending && <span className="spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}

/** 14:05: the rounds the page reports are of today. */
function clock(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function OutboxItem({
  entry,
  onWay,
  confirming,
  onConfirm,
  onDiscard,
}: {
  entry: OutboxEntry;
  onWay: boolean;
  confirming: boolean;
  onConfirm(yes: boolean): void;
  onDiscard(): void;
}) {
  const { t, fmt, lang, errorText } = useI18n();
  const kind = kindByName(entry.kind);
  const column = (name: string) => kind?.columns.find((c) => c.name === name);
  const label = (name: string) => {
    const c = column(name);
    return c ? labelOf(c, t, lang) : name;
  };
  const state = onWay ? 'sending' : entry.state === 'rejected' && entry.forbidden ? 'forbidden' : entry.state;
  const headingId = `outbox-${entry.id}`;
  const shown = SUMMARY.filter((name) => column(name) && entry.row[name]);

  return (
    <li className={`outbox-item outbox-${state}`} aria-labelledby={headingId}>
      <div className="outbox-item-head">
        <h3 id={headingId}>
          {t(`kind.${entry.kind}` as MessageKey)} <span className="outbox-date">{entry.row.date}</span>
        </h3>
        <span className={`badge ${STATE_BADGE[state]}`}>{t(`outbox.state.${state}` as MessageKey)}</span>
      </div>
      {shown.length > 0 && (
        <dl className="outbox-fields">
          {shown.map((name) => (
            <div key={name}>
              <dt>{label(name)}</dt>
              <dd className="mono">{entry.row[name]}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="small muted">{t('outbox.entered', { when: fmt.dateTime(entry.enteredAt) })}</p>
      {entry.state === 'rejected' && entry.problems && (
        <div className="outbox-reasons">
          <strong>{t('outbox.reasons')}</strong>
          <ul>
            {entry.problems.map((p, i) => (
              <li key={i}>
                {p.column ? `${label(p.column)}${lang === 'zh' ? '：' : ': '}` : ''}
                {errorText(p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {entry.state === 'waiting' && entry.lastError && (
        <p className="small">
          {t('outbox.serverError', {
            message: errorText({ code: entry.lastErrorCode, params: entry.lastErrorParams, message: entry.lastError }),
          })}
        </p>
      )}
      <div className="outbox-actions">
        {confirming ? (
          <>
            <span className="outbox-confirm">{t('outbox.discardConfirm')}</span>
            <button type="button" className="danger" onClick={onDiscard}>
              {t('outbox.discardYes')}
            </button>
            <button type="button" onClick={() => onConfirm(false)}>
              {t('outbox.keep')}
            </button>
          </>
        ) : (
          !onWay && (
            <>
              <Link className="button" href={href(`/records/${entry.kind}`, { outbox: entry.id })}>
                {t('outbox.correct')}
              </Link>
              <button type="button" onClick={() => onConfirm(true)}>
                {t('outbox.discard')}
              </button>
            </>
          )
        )}
      </div>
    </li>
  );
}

const STATE_BADGE: Record<string, string> = {
  waiting: 'badge-warn',
  sending: 'badge-muted',
  rejected: 'badge-alert',
  forbidden: 'badge-alert',
};
