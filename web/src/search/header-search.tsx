/**
 * The header's search: a name, badge or room typed here opens the search page with it. A
 * search reads people (and is audited as such), so it runs when asked, not on every key, and
 * only for an account that may read people. At phone width only the button shows.
 */
import { useId, useState, type FormEvent } from 'react';
import { useCan } from '../auth/can.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate } from '../router/router.tsx';

export function HeaderSearch() {
  const { t } = useI18n();
  const can = useCan();
  const id = useId();
  const [text, setText] = useState('');
  if (!can('people:read')) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    navigate(href('/search', { q: q || undefined }));
    setText('');
  };
  return (
    <>
      <form role="search" className="header-search" onSubmit={submit} aria-label={t('search.label')}>
        <label htmlFor={id} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={id}
          type="search"
          maxLength={64}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="lang-switch">
          {t('search.open')}
        </button>
      </form>
      <Link className="lang-switch header-search-link" href="/search" aria-label={t('search.label')}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      </Link>
    </>
  );
}
