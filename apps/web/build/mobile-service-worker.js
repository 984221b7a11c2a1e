/* global self, caches, fetch, VERSION, PRECACHE */
// The grid worker app's service worker, scoped to /m/. The build writes VERSION and PRECACHE (every file the app
// needs, /m/index.html first) above this text. It makes the app open with no network at all:
// - navigations under /m/ get the cached app page (the app routes on the client), whatever the path;
// - the precached files come from the cache, never from the network once installed;
// - /api/ is never cached or answered here: the app keeps its own offline data, and a stale answer from a cache
//   would be taken for the server's.
const CACHE_PREFIX = 'civicgrid-m-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const APP_PAGE = '/m/index.html';
const precached = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  // All or nothing: a half-filled cache would open an app whose lazily loaded screens are missing offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function cachedOrFetched(path, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(path)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/m/')) {
    event.respondWith(cachedOrFetched(APP_PAGE, request));
  } else if (precached.has(url.pathname)) {
    event.respondWith(cachedOrFetched(url.pathname, request));
  }
});
