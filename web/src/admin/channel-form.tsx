/**
 * Adding a channel: its kind decides the fields (a webhook's format and address, DingTalk's
 * signing secret, email's recipients and SMTP server, an SMS gateway's address and numbers), then
 * the events it carries, the area it is limited to, the language of its messages and its pace.
 * The server checks everything and names the field it refuses.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, apiSend } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { AreaSearch } from '../ui/area-search.tsx';
import { WriteError } from '../ui/states.tsx';
import type { EventCatalogue } from './types.ts';

type Kind = 'webhook' | 'email' | 'sms';
type Format = 'json' | 'wecom' | 'dingtalk';

const EMPTY = {
  name: '',
  kind: 'webhook' as Kind,
  format: 'wecom' as Format,
  url: '',
  secret: '',
  to: '',
  smtp: '',
  from: '',
  events: [] as string[],
  area: '',
  areaText: '',
  lang: 'zh' as 'zh' | 'en',
  personal: false,
  perMinute: '',
};

export function ChannelForm({ onAdded }: { onAdded(name: string): void }) {
  const { t, tr } = useI18n();
  const id = useId();
  const catalogue = useApi<EventCatalogue>('/events');
  const [f, setF] = useState(EMPTY);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<typeof EMPTY>) => setF((x) => ({ ...x, ...changes }));
  const list = (s: string) =>
    s
      .split(/[,，;；\s]+/)
      .map((x) => x.trim())
      .filter(Boolean);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: Record<string, unknown> = { name: f.name.trim(), kind: f.kind, lang: f.lang };
    if (f.kind === 'webhook') Object.assign(body, { format: f.format, url: f.url.trim() });
    if (f.kind === 'webhook' && f.format === 'dingtalk' && f.secret.trim()) body.secret = f.secret.trim();
    if (f.kind === 'sms') body.url = f.url.trim();
    if (f.kind !== 'webhook') {
      if (list(f.to).length) body.to = list(f.to);
      body.personal = f.personal;
    }
    if (f.kind === 'email') {
      if (f.smtp.trim()) body.smtp = f.smtp.trim();
      if (f.from.trim()) body.from = f.from.trim();
    }
    if (f.events.length) body.events = f.events;
    if (f.area) body.area = f.area;
    if (f.perMinute) body.per_minute = Number(f.perMinute);
    try {
      await apiSend('POST', '/channels', body);
      setF(EMPTY);
      onAdded(String(body.name));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'client', String(err)));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string) => `${id}-${name}`;
  return (
    <section className="panel" aria-labelledby={field('h')}>
      <h2 id={field('h')}>{t('channels.add')}</h2>
      <form className="channel-form" onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={field('name')}>{t('channels.name')}</label>
            <input
              id={field('name')}
              required
              maxLength={64}
              value={f.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={field('kind')}>{t('channels.kind')}</label>
            <select id={field('kind')} value={f.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
              {(['webhook', 'email', 'sms'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          {f.kind === 'webhook' && (
            <div className="field">
              <label htmlFor={field('format')}>{t('channels.format')}</label>
              <select id={field('format')} value={f.format} onChange={(e) => set({ format: e.target.value as Format })}>
                {(['wecom', 'dingtalk', 'json'] as const).map((k) => (
                  <option key={k} value={k}>
                    {t(`format.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {f.kind !== 'email' && (
            <div className="field field-wide">
              <label htmlFor={field('url')}>{t('channels.url')}</label>
              <input
                id={field('url')}
                type="url"
                required
                autoComplete="off"
                value={f.url}
                aria-describedby={field('url-hint')}
                onChange={(e) => set({ url: e.target.value })}
              />
              <small id={field('url-hint')} className="muted">
                {t('channels.urlHint')}
              </small>
            </div>
          )}
          {f.kind === 'webhook' && f.format === 'dingtalk' && (
            <div className="field">
              <label htmlFor={field('secret')}>{t('channels.secret')}</label>
              <input
                id={field('secret')}
                type="password"
                autoComplete="off"
                value={f.secret}
                onChange={(e) => set({ secret: e.target.value })}
              />
            </div>
          )}
          {f.kind !== 'webhook' && (
            <div className="field">
              <label htmlFor={field('to')}>{t('channels.to')}</label>
              <input
                id={field('to')}
                value={f.to}
                aria-describedby={field('to-hint')}
                onChange={(e) => set({ to: e.target.value })}
              />
              <small id={field('to-hint')} className="muted">
                {t('channels.toHint')}
              </small>
            </div>
          )}
          {f.kind === 'email' && (
            <>
              <div className="field field-wide">
                <label htmlFor={field('smtp')}>{t('channels.smtp')}</label>
                <input
                  id={field('smtp')}
                  autoComplete="off"
                  value={f.smtp}
                  aria-describedby={field('smtp-hint')}
                  onChange={(e) => set({ smtp: e.target.value })}
                />
                <small id={field('smtp-hint')} className="muted">
                  {t('channels.smtpHint')}
                </small>
              </div>
              <div className="field">
                <label htmlFor={field('from')}>{t('channels.from')}</label>
                <input id={field('from')} type="email" value={f.from} onChange={(e) => set({ from: e.target.value })} />
              </div>
            </>
          )}
          <div className="field">
            <AreaSearch
              label={t('channels.area')}
              value={f.areaText}
              placeholder={t('channels.everywhere')}
              onText={(text) => set({ areaText: text, area: text ? f.area : '' })}
              onPick={(a) => set({ area: a.code, areaText: a.name })}
            />
          </div>
          <div className="field">
            <label htmlFor={field('lang')}>{t('channels.lang')}</label>
            <select id={field('lang')} value={f.lang} onChange={(e) => set({ lang: e.target.value as 'zh' | 'en' })}>
              <option value="zh">{t('lang.zh')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={field('pace')}>{t('channels.perMinute')}</label>
            <input
              id={field('pace')}
              type="number"
              min={1}
              max={600}
              inputMode="numeric"
              placeholder={f.kind === 'webhook' && f.format !== 'json' ? '20' : '60'}
              value={f.perMinute}
              onChange={(e) => set({ perMinute: e.target.value })}
            />
          </div>
        </div>
        <fieldset className="event-choice">
          <legend>{t('channels.events')}</legend>
          <p className="muted small">{t('channels.eventsHint')}</p>
          {catalogue.data?.map((e) => (
            <label key={e.name} className="check">
              <input
                type="checkbox"
                checked={f.events.includes(e.name)}
                onChange={(ev) =>
                  set({ events: ev.target.checked ? [...f.events, e.name] : f.events.filter((x) => x !== e.name) })
                }
              />
              {tr('event', e.name)}
            </label>
          ))}
        </fieldset>
        {f.kind !== 'webhook' && (
          <label className="check">
            <input type="checkbox" checked={f.personal} onChange={(e) => set({ personal: e.target.checked })} />
            {t('channels.personalLabel')}
          </label>
        )}
        <WriteError error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('channels.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
