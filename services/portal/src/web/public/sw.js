// The portal's service worker: the citizen's certificate stays on the phone for a border check with
// no signal. Everything is asked of the network first; only when that fails is the last answer kept
// here used: the page itself, and the citizen's session, record, certificate, its QR and its PDF.
// Staff pages are not kept. Signing out deletes what was kept (session.js).
const SHELL = 'portal-shell-v1';
const MINE = 'portal-mine-v1';
const KEPT = [
  /^\/api\/session$/,
  /^\/api\/reference$/,
  /^\/api\/me\/record$/,
  /^\/api\/me\/certificate$/,
  /^\/api\/me\/certificate\/qr\.png$/,
  /^\/api\/me\/certificate\.pdf$/,
];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/' || url.pathname.startsWith('/assets/'))
    event.respondWith(networkFirst(SHELL, event.request));
  else if (KEPT.some((path) => path.test(url.pathname))) event.respondWith(networkFirst(MINE, event.request));
});

async function networkFirst(cacheName, request) {
  const cache = await caches.open(cacheName);
  try {
    const answer = await fetch(request);
    if (answer.ok) await cache.put(request, answer.clone());
    return answer;
  } catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}
