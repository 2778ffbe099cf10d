/**
 * Officers by name or badge and rooms by name or code, within the account's jurisdiction:
 * the page the header's search opens (`/search?q=…`). People outside the scope are not found.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { query } from '../api/client.ts';
import type { SearchAnswer } from '#core/contracts/search.schema.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';

export function SearchPage() {
  const { t } = useI18n();
  const location = useLocation();
  const id = useId();
  const asked = (location.query.get('q') ?? '').trim().slice(0, 64);
  const [text, setText] = useState(asked);
  useEffect(() => setText(asked), [asked]);
  const found = useApi<SearchAnswer>(asked ? `/search${query({ q: asked, limit: 20 })}` : null, { keep: true });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(href('/search', { q: text.trim() || undefined }), { replace: true });
  };
  return (
    <div className="page search-page">
      <header className="page-head">
        <h1 tabIndex={-1}>{t('search.label')}</h1>
        <form role="search" className="controls" onSubmit={submit}>
          <div className="field-inline">
            <label htmlFor={id}>{t('search.label')}</label>
            <input
              id={id}
              type="search"
              maxLength={64}
              placeholder={t('search.placeholder')}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit" className="primary">
            {t('search.open')}
          </button>
        </form>
      </header>
      {asked && <Async {...found}>{(a) => <Found answer={a} />}</Async>}
    </div>
  );
}

function Found({ answer }: { answer: SearchAnswer }) {
  const { t, tr } = useI18n();
  if (answer.officers.length === 0 && answer.rooms.length === 0)
    return <p className="state state-empty">{t('search.none', { q: answer.q })}</p>;
  return (
    <div className="search-found">
      <section className="panel" aria-labelledby="search-officers-h">
        <h2 id="search-officers-h">
          {t('search.officers')} <small className="muted">{answer.officers.length}</small>
        </h2>
        {answer.officers.length === 0 ? (
          <p className="state state-empty">{t('state.empty')}</p>
        ) : (
          <ul className="search-list">
            {answer.officers.map((o) => (
              <li key={o.badge}>
                <Link href={`/officers/${encodeURIComponent(o.badge)}`}>{o.name}</Link>{' '}
                <span className="mono">{o.badge}</span>
                <small className="muted">
                  {tr('role', o.role)} · {o.unit_name ?? o.unit_code}
                  {!o.current && ` ${t('search.formerly')}`}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="search-rooms-h">
        <h2 id="search-rooms-h">
          {t('search.rooms')} <small className="muted">{answer.rooms.length}</small>
        </h2>
        {answer.rooms.length === 0 ? (
          <p className="state state-empty">{t('state.empty')}</p>
        ) : (
          <ul className="search-list">
            {answer.rooms.map((r) => (
              <li key={r.code}>
                <Link href={`/units/${encodeURIComponent(r.code)}`}>{r.name}</Link>{' '}
                <span className="mono">{r.code}</span>
                <small className="muted">
                  {tr('unitType', r.type)} · {tr('status', r.status)}
                  {r.address && ` · ${r.address}`}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
