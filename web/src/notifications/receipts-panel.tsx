/**
 * An issued notice's receipts (签收, issue 19): each receiving area, signed for or not, by whom
 * and when, how often it was reminded; the receiving area's own account signs for it here, and
 * the issuing level chooses unsigned areas and reminds them (催办). The notice's history below.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { receiptsSchema } from '#core/contracts/receipts.schema.ts';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { todoChanged } from '../todo/todo-count.tsx';

type Receipts = z.infer<typeof receiptsSchema>;

export function ReceiptsPanel({ id }: { id: number }) {
  const { t } = useI18n();
  const receipts = useApi<Receipts>(`/notifications/${id}/receipts`);
  return (
    <section className="panel" aria-labelledby="receipts-h" data-testid="receipts">
      <h2 id="receipts-h">{t('receipt.title')}</h2>
      <Async {...receipts}>{(r) => <ReceiptsBody r={r} reload={receipts.reload} />}</Async>
    </section>
  );
}

function ReceiptsBody({ r, reload }: { r: Receipts; reload(): void }) {
  const { t, fmt } = useI18n();
  const can = useCan();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState<'sign' | 'remind'>();
  const [error, setError] = useState<ApiError>();
  const [said, setSaid] = useState<string>();
  const name = (code: string) => r.receipts.find((x) => x.area === code)?.area_name ?? code;
  const unsigned = r.receipts.filter((x) => !x.signed).map((x) => x.area);
  const signed = r.receipts.length - unsigned.length;
  async function act(kind: 'sign' | 'remind') {
    setBusy(kind);
    setError(undefined);
    setSaid(undefined);
    try {
      if (kind === 'sign') await apiSend('POST', `/notifications/${r.id}/receipts/${encodeURIComponent(r.can_sign!)}`);
      else {
        await apiSend('POST', `/notifications/${r.id}/reminders`, { areas: chosen });
        setSaid(t('receipt.reminded', { areas: chosen.map(name).join('、') }));
        setChosen([]);
      }
      todoChanged();
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(undefined);
    }
  }
  const remind = r.can_remind && can('notifications:write');
  return (
    <>
      <p className="muted" data-testid="receipt-summary">
        {t('receipt.summary', { signed, total: r.receipts.length })}
      </p>
      {r.superseded && <p className="note">{t('receipt.superseded')}</p>}
      {r.can_sign && can('notifications:write') && (
        <p className="receipts-actions">
          <button type="button" className="primary" disabled={!!busy} onClick={() => void act('sign')}>
            {busy === 'sign' ? t('receipt.signing') : t('receipt.signFor', { area: name(r.can_sign) })}
          </button>
        </p>
      )}
      <div className="table-wrap">
        <table className="receipts-table">
          <thead>
            <tr>
              {remind && <th scope="col" aria-label={t('receipt.remindAll')} />}
              <th scope="col">{t('receipt.area')}</th>
              <th scope="col">{t('receipt.state')}</th>
            </tr>
          </thead>
          <tbody>
            {r.receipts.map((x) => (
              <tr key={x.area} data-area={x.area} data-signed={x.signed}>
                {remind && (
                  <td>
                    {!x.signed && (
                      <input
                        type="checkbox"
                        aria-label={x.area_name ?? x.area}
                        checked={chosen.includes(x.area)}
                        onChange={(e) =>
                          setChosen((c) => (e.target.checked ? [...c, x.area] : c.filter((a) => a !== x.area)))
                        }
                      />
                    )}
                  </td>
                )}
                <th scope="row">{x.area_name ?? x.area}</th>
                <td>
                  {x.signed ? (
                    <>
                      <span className="badge badge-ok">{t('receipt.signed')}</span>{' '}
                      {t('receipt.signedBy', { who: x.signed_by ?? '', at: fmt.dateTime(x.signed_at!) })}
                    </>
                  ) : (
                    <span className="badge badge-alert">{t('receipt.unsigned')}</span>
                  )}
                  {x.reminders > 0 && (
                    <small className="muted">
                      {' '}
                      {t('receipt.reminders', { n: x.reminders, on: fmt.date(x.reminded_on!) })}
                    </small>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remind && unsigned.length > 0 && (
        <div className="receipts-actions">
          <button type="button" onClick={() => setChosen(unsigned)} disabled={!!busy}>
            {t('receipt.remindAll')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!!busy || chosen.length === 0}
            onClick={() => void act('remind')}
          >
            {busy === 'remind' ? t('receipt.reminding') : t('receipt.remind')}
          </button>
        </div>
      )}
      {said && (
        <p className="note" role="status">
          {said}
        </p>
      )}
      <WriteError error={error} />
      <h3>{t('receipt.history')}</h3>
      <ol className="todo-list" data-testid="notice-history">
        {r.history.map((h, i) => (
          <li key={i}>
            {t(`receipt.action.${h.action}`, { by: h.by, areas: h.areas.map(name).join('、') })}{' '}
            <small className="muted">{fmt.dateTime(h.at)}</small>
          </li>
        ))}
      </ol>
    </>
  );
}
