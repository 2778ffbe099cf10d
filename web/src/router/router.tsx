/**
 * A small client-side router: the location is the browser's (path and query), so every view
 * can be bookmarked and shared; links push history entries without reloading the page.
 *
 * @example
 *   const { path, query } = useLocation();
 *   <Link href={href('/', { area: '510000000000', month: '2019-06' })}>…</Link>
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const CHANGE = 'outpost:navigate';

export interface AppLocation {
  path: string;
  query: URLSearchParams;
  /** path + search, the identity of the view. */
  href: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

let cached: AppLocation | undefined;
function current(href: string): AppLocation {
  if (cached?.href !== href) {
    const url = new URL(href, 'http://local');
    cached = { path: url.pathname, query: url.searchParams, href };
  }
  return cached;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): AppLocation {
  return current(useSyncExternalStore(subscribe, snapshot, snapshot));
}

/** Goes to `to` (a path with an optional query) without reloading. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

/** `href('/units/U1', { date: '2019-06-30', q: undefined })` is `/units/U1?date=2019-06-30`. */
export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The current view with some query parameters changed (undefined removes one). */
export function withQuery(location: AppLocation, changes: Record<string, string | undefined>): string {
  const params: Record<string, string | undefined> = Object.fromEntries(location.query.entries());
  return href(location.path, { ...params, ...changes });
}

/** An anchor that navigates in-app on a plain click and behaves as a link otherwise. */
export function Link({ href: to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
