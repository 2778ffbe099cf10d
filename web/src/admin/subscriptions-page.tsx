/**
 * One's own subscriptions (every account): the email address and phone messages go to, quiet
 * hours, and for each channel open to subscriptions whether to subscribe and to which events
 * (only those the account's role may receive are offered).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Async, Empty, WriteError } from '../ui/states.tsx';
import type { MySubscriptions } from './types.ts';

interface Choice {
  subscribed: boolean;
  events: string[];
}

export function SubscriptionsPage() {
  const { t } = useI18n();
  const mine = useApi<MySubscriptions>('/subscriptions');
  return (
    <div className="page subscriptions-page">
      <header className="page-head">
        <h1 tabIndex={-1}>{t('subs.title')}</h1>
        <p className="muted">{t('subs.intro')}</p>
      </header>
      <Async {...mine}>{(data) => <SubscriptionsForm data={data} />}</Async>
    </div>
  );
}

function SubscriptionsForm({ data }: { data: MySubscriptions }) {
  const { t, tr } = useI18n();
  const id = useId();
  const [email, setEmail] = useState(data.email ?? '');
  const [phone, setPhone] = useState(data.phone ?? '');
  const [from, setFrom] = useState(data.quiet_from ?? '');
  const [until, setUntil] = useState(data.quiet_until ?? '');
  const initial = () =>
    Object.fromEntries(
      data.channels.map((c) => [c.name, { subscribed: c.subscribed, events: c.chosen ?? c.events }]),
    ) as Record<string, Choice>;
  const [choices, setChoices] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setSaved(false), [email, phone, from, until, choices]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const subscriptions = data.channels
        .filter((c) => choices[c.name]?.subscribed)
        .map((c) => {
          const events = choices[c.name].events;
          return { channel: c.name, events: events.length === c.events.length ? null : events };
        });
      await apiSend('PUT', '/subscriptions', {
        email: email.trim() || null,
        phone: phone.trim() || null,
        quiet_from: from || null,
        quiet_until: until || null,
        subscriptions,
      });
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const choose = (name: string, change: Partial<Choice>) =>
    setChoices((x) => ({ ...x, [name]: { ...x[name], ...change } }));
  const f = (name: string) => `${id}-${name}`;
  return (
    <form className="subscriptions" onSubmit={(e) => void save(e)}>
      <section className="panel" aria-labelledby={f('contact')}>
        <h2 id={f('contact')}>{t('subs.contact')}</h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={f('email')}>{t('subs.email')}</label>
            <input
              id={f('email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={f('phone')}>{t('subs.phone')}</label>
            <input
              id={f('phone')}
              type="tel"
              autoComplete="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </div>
        </div>
        <fieldset className="quiet">
          <legend>{t('subs.quiet')}</legend>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={f('from')}>{t('subs.quietFrom')}</label>
              <input id={f('from')} type="time" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={f('until')}>{t('subs.quietUntil')}</label>
              <input id={f('until')} type="time" value={until} onChange={(e) => setUntil(e.target.value)} />
            </div>
          </div>
        </fieldset>
      </section>
      <section className="panel" aria-labelledby={f('channels')}>
        <h2 id={f('channels')}>{t('subs.channels')}</h2>
        {data.channels.length === 0 ? (
          <Empty>{t('subs.noChannels')}</Empty>
        ) : (
          <ul className="subscription-list">
            {data.channels.map((c) => {
              const choice = choices[c.name];
              const missing = c.kind === 'email' ? !email.trim() : !phone.trim();
              return (
                <li key={c.name}>
                  <fieldset>
                    <legend>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={choice.subscribed}
                          onChange={(e) => choose(c.name, { subscribed: e.target.checked })}
                        />
                        {t('subs.subscribe', { name: c.name })}{' '}
                        <span className="badge badge-muted">{t(`kind.${c.kind}` as MessageKey)}</span>
                      </label>
                    </legend>
                    {choice.subscribed && missing && (
                      <p className="field-error">{t(c.kind === 'email' ? 'subs.needsEmail' : 'subs.needsPhone')}</p>
                    )}
                    <div className="event-choice">
                      {c.events.map((e) => (
                        <label key={e} className="check">
                          <input
                            type="checkbox"
                            disabled={!choice.subscribed}
                            checked={choice.events.includes(e)}
                            onChange={(ev) =>
                              choose(c.name, {
                                events: ev.target.checked
                                  ? [...choice.events, e]
                                  : choice.events.filter((x) => x !== e),
                              })
                            }
                          />
                          {tr('event', e)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <WriteError error={error} />
      {saved && (
        <p className="note" role="status">
          {t('subs.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('subs.save')}
        </button>
      </div>
    </form>
  );
}
