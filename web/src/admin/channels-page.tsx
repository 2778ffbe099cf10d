/**
 * Channels (admins): each with where it sends (addresses masked: keys, tokens and passwords are
 * never shown again), the events and area it is limited to, its counts and last error, and test,
 * disable or enable, remove; a form to add one; the delivery log below.
 */
import { useState } from 'react';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import { ChannelForm } from './channel-form.tsx';
import { DeliveriesPanel } from './deliveries-panel.tsx';
import { AdminTabs } from './tabs.tsx';
import type { ChannelView, SendOutcome } from './types.ts';

export function ChannelsPage() {
  const { t } = useI18n();
  const channels = useApi<ChannelView[]>('/channels');
  const [note, setNote] = useState<{ text: string; ok: boolean }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [epoch, setEpoch] = useState(0);

  async function act(fn: () => Promise<string | undefined>, ok = true) {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      const text = await fn();
      if (text) setNote({ text, ok });
      channels.reload();
      setEpoch((n) => n + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }

  const test = (c: ChannelView) =>
    act(async () => {
      const { data } = await apiSend<SendOutcome>('POST', `/channels/${encodeURIComponent(c.name)}/test`);
      setNote({
        ok: data.ok,
        text: data.ok
          ? t('channels.testOk', { name: c.name })
          : t('channels.testFailed', { name: c.name, error: data.error ?? '' }),
      });
      return undefined;
    });
  const toggle = (c: ChannelView) =>
    act(
      async () =>
        void (await apiSend('PUT', `/channels/${encodeURIComponent(c.name)}/enabled`, { enabled: !c.enabled })),
    );
  const remove = (c: ChannelView) => {
    if (!window.confirm(t('channels.removeConfirm', { name: c.name }))) return;
    void act(async () => void (await apiSend('DELETE', `/channels/${encodeURIComponent(c.name)}`)));
  };

  return (
    <div className="page channels-page">
      <AdminTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('channels.title')}</h1>
        <p className="muted">{t('channels.intro')}</p>
      </header>
      {note && (
        <p className={note.ok ? 'note' : 'note note-alert'} role="status">
          {note.text}
        </p>
      )}
      <WriteError error={error} />
      <section className="panel" aria-labelledby="channels-h">
        <h2 id="channels-h" className="visually-hidden">
          {t('channels.title')}
        </h2>
        <Async {...channels}>
          {(all) =>
            all.length === 0 ? (
              <Empty>{t('channels.none')}</Empty>
            ) : (
              <ul className="channel-list">
                {all.map((c) => (
                  <li key={c.id}>
                    <ChannelCard
                      channel={c}
                      busy={busy}
                      onTest={() => void test(c)}
                      onToggle={() => void toggle(c)}
                      onRemove={() => remove(c)}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        </Async>
      </section>
      <ChannelForm onAdded={(name) => void act(async () => t('channels.added', { name }))} />
      <DeliveriesPanel channels={channels.data ?? []} epoch={epoch} />
    </div>
  );
}

function ChannelCard({
  channel: c,
  busy,
  onTest,
  onToggle,
  onRemove,
}: {
  channel: ChannelView;
  busy: boolean;
  onTest(): void;
  onToggle(): void;
  onRemove(): void;
}) {
  const { t, tr, fmt } = useI18n();
  const target =
    c.kind === 'webhook' ? c.url : [...c.to, ...(c.personal ? [t('channels.subscribers')] : [])].join(t('sep.list'));
  return (
    <article className={`channel${c.enabled ? '' : ' is-disabled'}`} aria-labelledby={`ch-${c.id}`}>
      <header className="channel-head">
        <h3 id={`ch-${c.id}`}>{c.name}</h3>
        <span className="badge">
          {c.format ? t(`format.${c.format}` as MessageKey) : t(`kind.${c.kind}` as MessageKey)}
        </span>
        {c.has_secret && <span className="badge badge-ok">{t('channels.signed')}</span>}
        {c.personal && <span className="badge badge-muted">{t('channels.personal')}</span>}
        {!c.enabled && <span className="badge badge-alert">{t('channels.disabledBadge')}</span>}
      </header>
      <dl className="facts">
        <div>
          <dt>{t('channels.sendsTo')}</dt>
          <dd className="channel-target">{target || '—'}</dd>
        </div>
        {c.kind === 'email' && (
          <div>
            <dt>{t('channels.smtp')}</dt>
            <dd className="channel-target">{c.smtp ?? 'OUTPOST_SMTP_URL'}</dd>
          </div>
        )}
        <div>
          <dt>{t('channels.events')}</dt>
          <dd>{c.events ? c.events.map((e) => tr('event', e)).join(t('sep.list')) : t('channels.allEvents')}</dd>
        </div>
        <div>
          <dt>{t('channels.area')}</dt>
          <dd>{c.area ? `${c.area_name ?? c.area}` : t('channels.everywhere')}</dd>
        </div>
        <div>
          <dt>{t('channels.counts')}</dt>
          <dd>
            {fmt.count(c.deliveries.sent)} / {fmt.count(c.deliveries.pending)} / {fmt.count(c.deliveries.failed)}
          </dd>
        </div>
        {c.deliveries.last_error && (
          <div>
            <dt>{t('channels.lastError')}</dt>
            <dd className="field-error">{c.deliveries.last_error}</dd>
          </div>
        )}
      </dl>
      <div className="actions">
        <button type="button" disabled={busy || !c.enabled} onClick={onTest}>
          {t('channels.test')}
        </button>
        <button type="button" disabled={busy} onClick={onToggle}>
          {t(c.enabled ? 'channels.disable' : 'channels.enable')}
        </button>
        <button type="button" disabled={busy} onClick={onRemove}>
          {t('channels.remove')}
        </button>
      </div>
    </article>
  );
}
