// The portal's service worker: the citizen's certificate stays on the phone for a border check with
// no signal. Everything is asked of the network first; only when that fails is the last answer kept
// here used: the page itself, and the citizen's session, record, certificate, its QR and its PDF.
// Staff pages are not kept. Signing out deletes what was kept (session.js).
// A signed-in person's page carries their first data (a `#first-data` block, sent `no-store`): the
// page is kept as the shell alone, that block taken out, so no personal data lands in the shell's
// cache; the answers in the block are kept as the citizen's own, as if the page had asked for them.
const SHELL = 'portal-shell-v1';
const FIRST_DATA = /<script type="application\/json" id="first-data">([\s\S]*?)<\/script>\n?/;
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
  if (url.pathname === '/') event.respondWith(networkFirst(SHELL, event.request, keepPage));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(networkFirst(SHELL, event.request));
  else if (KEPT.some((path) => path.test(url.pathname))) event.respondWith(networkFirst(MINE, event.request));
});

async function networkFirst(cacheName, request, toKeep = async (answer) => answer.clone()) {
  const cache = await caches.open(cacheName);
  try {
    const answer = await fetch(request);
    if (answer.ok) await cache.put(request, await toKeep(answer));
    return answer;
  } catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}

/** The page as kept: a personal one (no-store) without its first data, whose answers go where the citizen's are kept. */
async function keepPage(answer) {
  if (!/no-store/.test(answer.headers.get('cache-control') || '')) return answer.clone();
  const html = await answer.clone().text();
  const block = FIRST_DATA.exec(html);
  if (block) await keepAnswers(JSON.parse(block[1]), self.location.origin);
  const shell = html.replace(FIRST_DATA, '');
  return new Response(shell, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

async function keepAnswers(answers, origin) {
  const mine = await caches.open(MINE);
  for (const [path, { status, body }] of Object.entries(answers))
    if (status === 200 && KEPT.some((kept) => kept.test(path)))
      await mine.put(
        new Request(origin + path),
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
}
