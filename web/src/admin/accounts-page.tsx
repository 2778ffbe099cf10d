/**
 * Accounts (admins, issue 19): each account with its person's name — shown on notifications, in
 * histories and on pages instead of the username — and its email and phone, edited in place.
 */
import { useId, useState } from 'react';
import type { Account } from '#core/contracts/accounts.schema.ts';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Async, WriteError } from '../ui/states.tsx';
import { AdminTabs } from './tabs.tsx';

export function AccountsPage() {
  const { t, tr } = useI18n();
  const accounts = useApi<{ items: Account[] }>('/users');
  const [editing, setEditing] = useState<string>();
  const [note, setNote] = useState<string>();
  return (
    <div className="page accounts-page">
      <AdminTabs />
      <header className="page-head">
        <h1 tabIndex={-1}>{t('accounts.title')}</h1>
        <p className="muted">{t('accounts.intro')}</p>
      </header>
      {note && (
        <p className="note" role="status">
          {note}
        </p>
      )}
      <section className="panel">
        <Async {...accounts}>
          {({ items }) => (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('accounts.username')}</th>
                    <th scope="col">{t('accounts.name')}</th>
                    <th scope="col">{t('accounts.role')}</th>
                    <th scope="col">{t('accounts.area')}</th>
                    <th scope="col">{t('accounts.email')}</th>
                    <th scope="col">{t('accounts.phone')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) =>
                    editing === a.username ? (
                      <EditRow
                        key={a.username}
                        account={a}
                        onDone={(saved) => {
                          setEditing(undefined);
                          if (saved) {
                            setNote(t('accounts.saved', { user: a.username }));
                            accounts.reload();
                          }
                        }}
                      />
                    ) : (
                      <tr key={a.username} data-user={a.username}>
                        <th scope="row">{a.username}</th>
                        <td>{a.name ?? <span className="muted">{t('accounts.noName')}</span>}</td>
                        <td>{tr('account.role', a.role)}</td>
                        <td>{a.area ?? '—'}</td>
                        <td>{a.email ?? '—'}</td>
                        <td>{a.phone ?? '—'}</td>
                        <td>
                          <button type="button" onClick={() => setEditing(a.username)}>
                            {t('accounts.edit')}
                          </button>
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            </div>
          )}
        </Async>
      </section>
    </div>
  );
}

function EditRow({ account, onDone }: { account: Account; onDone(saved: boolean): void }) {
  const { t, tr } = useI18n();
  const id = useId();
  const [name, setName] = useState(account.name ?? '');
  const [email, setEmail] = useState(account.email ?? '');
  const [phone, setPhone] = useState(account.phone ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      const orNull = (v: string) => (v.trim() ? v.trim() : null);
      await apiSend('PATCH', `/users/${encodeURIComponent(account.username)}`, {
        name: orNull(name),
        email: orNull(email),
        phone: orNull(phone),
      });
      onDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return (
    <tr data-user={account.username}>
      <th scope="row">{account.username}</th>
      <td>
        <input
          id={`${id}-name`}
          aria-label={t('accounts.name')}
          maxLength={64}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </td>
      <td>{tr('account.role', account.role)}</td>
      <td>{account.area ?? '—'}</td>
      <td>
        <input aria-label={t('accounts.email')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </td>
      <td>
        <input aria-label={t('accounts.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </td>
      <td>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          {t('accounts.save')}
        </button>{' '}
        <button type="button" disabled={busy} onClick={() => onDone(false)}>
          {t('ctl.cancel')}
        </button>
        <WriteError error={error} />
      </td>
    </tr>
  );
}
