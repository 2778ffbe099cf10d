/**
 * The delivery log (admins), newest first: each event sent (or waiting, or given up) to each
 * channel or subscribed account, its attempts, the next try and the last error; by channel and
 * status (kept in the URL); a given-up or cancelled delivery may be sent again.
 */
import { useEffect, useId, useState } from 'react';
import { ApiError, apiSend, query } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { navigate, useLocation, withQuery } from '../router/router.tsx';
import { Pager } from '../ui/pager.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import type { ChannelView, DeliveryPage } from './types.ts';

const LIMIT = 25;
const STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;

export function DeliveriesPanel({ channels, epoch }: { channels: ChannelView[]; epoch: number }) {
  const { t, fmt } = useI18n();
  const location = useLocation();
  const ids = { channel: useId(), status: useId() };
  const channel = location.query.get('channel') ?? '';
  const status = location.query.get('status') ?? '';
  const offset = Math.max(0, Number(location.query.get('offset')) || 0);
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withQuery(location, { offset: undefined, ...changes }), { replace: true });
  const page = useApi<DeliveryPage>(`/deliveries${query({ channel, status, limit: LIMIT, offset })}`, { keep: true });
  const [error, setError] = useState<ApiError>();
  const { reload } = page;
  // A channel tested, added or removed above: its deliveries show at once.
  useEffect(() => {
    if (epoch) reload();
  }, [epoch, reload]);

  async function retry(id: number) {
    setError(undefined);
    try {
      await apiSend('POST', `/deliveries/${id}/retry`);
      page.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    }
  }

  return (
    <section className="panel" aria-labelledby="deliveries-h">
      <div className="panel-head">
        <h2 id="deliveries-h">{t('deliveries.title')}</h2>
        <div className="controls">
          <div className="field-inline">
            <label htmlFor={ids.channel}>{t('deliveries.channel')}</label>
            <select id={ids.channel} value={channel} onChange={(e) => set({ channel: e.target.value || undefined })}>
              <option value="">{t('deliveries.allChannels')}</option>
              {channels.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field-inline">
            <label htmlFor={ids.status}>{t('deliveries.status')}</label>
            <select id={ids.status} value={status} onChange={(e) => set({ status: e.target.value || undefined })}>
              <option value="">{t('deliveries.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`delivery.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <WriteError error={error} />
      <Async {...page}>
        {(p) =>
          p.items.length === 0 ? (
            <Empty>{t('deliveries.none')}</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="stack deliveries">
                  <thead>
                    <tr>
                      <th scope="col">{t('deliveries.event')}</th>
                      <th scope="col">{t('deliveries.channel')}</th>
                      <th scope="col">{t('deliveries.to')}</th>
                      <th scope="col">{t('deliveries.status')}</th>
                      <th scope="col" className="num">
                        {t('deliveries.attempts')}
                      </th>
                      <th scope="col">{t('deliveries.when')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          {d.title}
                          <small className="muted delivery-id"> {d.event_id}</small>
                        </th>
                        <td data-label={t('deliveries.channel')}>{d.channel ?? t('deliveries.removed')}</td>
                        <td data-label={t('deliveries.to')}>{d.recipient || t('deliveries.toChannel')}</td>
                        <td data-label={t('deliveries.status')}>
                          <span>
                            <span
                              className={
                                d.status === 'sent'
                                  ? 'badge badge-ok'
                                  : d.status === 'failed'
                                    ? 'badge badge-alert'
                                    : 'badge badge-muted'
                              }
                            >
                              {t(`delivery.${d.status}` as MessageKey)}
                            </span>
                            {d.last_error && <small className="field-error"> {d.last_error}</small>}
                            {(d.status === 'failed' || d.status === 'cancelled') && (
                              <button type="button" className="link-button" onClick={() => void retry(d.id)}>
                                {t('deliveries.retry')}
                              </button>
                            )}
                          </span>
                        </td>
                        <td data-label={t('deliveries.attempts')} className="num">
                          {fmt.count(d.attempts)}
                        </td>
                        <td data-label={t('deliveries.when')}>
                          <span>
                            {fmt.dateTime(d.sent_at ?? d.created_at)}
                            {d.next_at && (
                              <small className="muted">
                                {' '}
                                · {t('deliveries.next', { at: fmt.dateTime(d.next_at) })}
                              </small>
                            )}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                total={p.total}
                limit={p.limit}
                offset={p.offset}
                onOffset={(o) => set({ offset: o ? String(o) : undefined })}
              />
            </>
          )
        }
      </Async>
    </section>
  );
}
