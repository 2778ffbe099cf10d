/**
 * The app shell without network. Registered by main.tsx in production builds only: once the
 * app has been opened online, it opens again offline, so that records entered then go into
 * the outbox (web/src/outbox/) instead of nowhere.
 *
 * - Navigations: network first; without network, the page kept from the last time (every path
 *   of the app is the same index.html).
 * - /assets/*: cache first; their names change with their content, so a kept one is never stale.
 * - The API is never touched: none of its answers is kept here, and what is sent to it while
 *   offline is the outbox's business.
 *
 * The page and the files it loads first are kept when the worker installs (read from the page
 * itself), so the very first visit is enough.
 */
/* global self, caches, fetch, URL */
const CACHE = 'outpost-shell-v1';
/** Assets kept at most; the oldest go first (those of earlier builds). */
const MAX_ASSETS = 60;

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('outpost-shell-') && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/', { cache: 'no-cache' });
  if (!res.ok) throw new Error(`GET / answered ${res.status}`);
  const html = await res.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
  await cache.put('/', res);
}

async function page(request) {
  try {
    const res = await fetch(request);
    if (res.ok && (res.headers.get('content-type') || '').startsWith('text/html')) {
      const copy = res.clone();
      caches.open(CACHE).then((cache) => cache.put('/', copy));
    }
    return res;
  } catch (e) {
    const kept = await caches.match('/', { cacheName: CACHE });
    if (kept) return kept;
    throw e;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const res = await fetch(request);
  if (res.ok) {
    await cache.put(request, res.clone());
    trim(cache);
  }
  return res;
}

async function trim(cache) {
  const assets = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
  for (const old of assets.slice(0, Math.max(0, assets.length - MAX_ASSETS))) await cache.delete(old);
}
