/**
 * Sign-in locks (admins): the usernames locked for strangers or for one known device, and the
 * addresses paused after too many failures, each with a button that lifts it. A device that
 * signed in before keeps signing in while strangers are locked out, so a lock here is mostly
 * strangers guessing; lifting it is for the one case where the owner is locked out too.
 */
import { useState } from 'react';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import { AdminTabs } from './tabs.tsx';

/** One lock in force, as GET /api/v1/locks answers it. */
interface Lock {
  kind: 'username' | 'device' | 'address';
  username: string | null;
  address: string | null;
  account: boolean;
  until: string;
}

/** What one lift undoes: a username's locks (strangers' and every device's) or an address's pause. */
function liftPath(lock: Lock): string {
  return lock.kind === 'address'
    ? `/locks/addresses/${encodeURIComponent(lock.address ?? '')}`
    : `/locks/usernames/${encodeURIComponent(lock.username ?? '')}`;
}

export function LocksPage() {
  const { t } = useI18n();
  const locks = useApi<{ items: Lock[] }>('/locks');
  const [note, setNote] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function lift(lock: Lock) {
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    try {
      await apiSend<{ lifted: boolean }>('DELETE', liftPath(lock));
      setNote(t('locks.lifted', { who: lock.username ?? lock.address ?? '' }));
      locks.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page locks-page">
      <AdminTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('locks.title')}</h1>
        <p className="muted">{t('locks.intro')}</p>
      </header>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <WriteError error={error} />
      <section className="panel" aria-labelledby="locks-h">
        <h2 id="locks-h" className="visually-hidden">
          {t('locks.title')}
        </h2>
        <Async {...locks}>
          {({ items }) =>
            items.length === 0 ? <Empty>{t('locks.none')}</Empty> : <LocksTable locks={items} busy={busy} lift={lift} />
          }
        </Async>
      </section>
    </div>
  );
}

function LocksTable({ locks, busy, lift }: { locks: Lock[]; busy: boolean; lift: (lock: Lock) => void }) {
  const { t, fmt } = useI18n();
  return (
    <div className="table-wrap">
      <table className="stack locks">
        <thead>
          <tr>
            <th scope="col">{t('locks.what')}</th>
            <th scope="col">{t('locks.kind')}</th>
            <th scope="col">{t('locks.until')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('locks.lift')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {locks.map((lock) => (
            <tr key={`${lock.kind} ${lock.username ?? ''} ${lock.address ?? ''}`}>
              <th scope="row">
                {lock.kind === 'address' ? <code>{lock.address}</code> : lock.username}
                {lock.kind !== 'address' && !lock.account && <small className="muted"> · {t('locks.noAccount')}</small>}
              </th>
              <td data-label={t('locks.kind')}>{t(`locks.kind.${lock.kind}` as MessageKey)}</td>
              <td data-label={t('locks.until')}>{fmt.dateTime(lock.until)}</td>
              <td>
                <button type="button" disabled={busy} onClick={() => lift(lock)}>
                  {t('locks.lift')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
