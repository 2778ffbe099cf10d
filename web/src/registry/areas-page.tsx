/** Areas and registry: the tree (or search results) beside the chosen area's units and officers. */
import { useState, type FormEvent } from 'react';
import { query } from '../api/client.ts';
import type { AreaDetail, AreaPage } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation, withQuery } from '../router/router.tsx';
import { Async } from '../ui/states.tsx';
import { AreaPanel } from './area-panel.tsx';
import { AreaTree } from './area-tree.tsx';
import { ExportLinks } from '../ui/export-links.tsx';

export function AreasPage() {
  const { t, tr } = useI18n();
  const location = useLocation();
  const selected = location.query.get('area');
  const q = location.query.get('q') ?? '';
  const [text, setText] = useState(q);
  const detail = useApi<AreaDetail>(selected ? `/areas/${encodeURIComponent(selected)}` : null);
  const results = useApi<AreaPage>(q ? `/areas${query({ q, limit: 50 })}` : null);
  const hrefOf = (code: string) => href('/areas', { area: code, q: q || undefined });

  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(location, { q: text.trim() || undefined }));
  };

  return (
    <div className="page areas-page">
      <h1 tabIndex={-1}>{t('areas.title')}</h1>
      <div className={`split${selected ? ' has-selection' : ''}`}>
        <aside className="panel split-side">
          <form role="search" className="search-form" onSubmit={search}>
            <label htmlFor="area-q" className="visually-hidden">
              {t('areas.search')}
            </label>
            <input
              id="area-q"
              type="search"
              value={text}
              placeholder={t('areas.search')}
              onChange={(e) => setText(e.target.value)}
            />
            <button type="submit">{t('areas.searchButton')}</button>
          </form>
          {q ? (
            <Async {...results}>
              {(page) => (
                <div className="search-results">
                  <h2 className="small-heading">
                    {t('areas.results', { n: page.total })}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setText('');
                        navigate(withQuery(location, { q: undefined }));
                      }}
                    >
                      {t('areas.clear')}
                    </button>
                  </h2>
                  {page.total > 0 && (
                    <ExportLinks path="/areas" params={{ q }} what={t('areas.results', { n: page.total })} />
                  )}
                  {page.items.length === 0 ? (
                    <p className="state state-empty">{t('areas.noResults')}</p>
                  ) : (
                    <ul className="plain-list">
                      {page.items.map((a) => (
                        <li key={a.code}>
                          <Link href={hrefOf(a.code)} aria-current={selected === a.code ? 'page' : undefined}>
                            {a.name}
                          </Link>
                          <small className="muted">
                            {' '}
                            {tr('level', a.level)} · {a.code}
                          </small>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </Async>
          ) : (
            <AreaTree selected={selected} openPath={detail.data?.path.map((p) => p.code) ?? []} hrefOf={hrefOf} />
          )}
        </aside>
        <section className="split-main">
          {selected ? (
            <Async {...detail}>{(area) => <AreaPanel area={area} />}</Async>
          ) : (
            <p className="panel state state-empty">{t('areas.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
