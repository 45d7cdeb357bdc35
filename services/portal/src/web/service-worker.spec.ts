import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

// public/sw.js run as the browser runs it, with the network and Cache Storage played by maps: what
// it keeps of a signed-in person's page, which carries their first data.
const ORIGIN = 'https://portal.test';
const SW = readFileSync(join(__dirname, 'public/sw.js'), 'utf8');

type Fetch = (request: Request) => Promise<Response>;

function serviceWorker(network: Fetch) {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      put: async (r: Request, answer: Response) => void store.set(new URL(r.url).pathname, answer),
      match: async (r: Request) => store.get(new URL(r.url).pathname),
    };
  };
  const listeners: Record<string, (event: unknown) => void> = {};
  const self = {
    location: { origin: ORIGIN, href: `${ORIGIN}/sw.js` },
    addEventListener: (type: string, listener: (event: unknown) => void) => (listeners[type] = listener),
  };
  runInNewContext(SW, { self, caches: { open }, fetch: network, URL, Request, Response, Headers });
  /** The page's request as the worker answers it. */
  const get = async (path: string) => {
    let answered: Promise<Response> | undefined;
    listeners.fetch({ request: new Request(ORIGIN + path), respondWith: (p: Promise<Response>) => (answered = p) });
    return answered!;
  };
  const kept = async (store: string, path: string) => (await stores.get(store)?.get(path)?.clone().text()) ?? null;
  return { get, kept };
}

const SHELL = '<html><body><main id="view"></main>\n</body></html>';
const ANSWERS = {
  '/api/session': { status: 200, body: { role: 'citizen', displayName: 'Lò Thị Mai' } },
  '/api/me/record': { status: 200, body: { personId: 'P1', doses: [] } },
  '/api/me/reads': { status: 200, body: { reads: [] } },
  '/api/me/certificate': { status: 503, body: { title: 'certification unavailable' } },
};
const personalPage = SHELL.replace(
  '</body>',
  `<script type="application/json" id="first-data">${JSON.stringify(ANSWERS)}</script>\n</body>`,
);
const html = (body: string, cacheControl: string) =>
  new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': cacheControl } });

describe("the service worker and a signed-in person's page", () => {
  it('gives the page as it came, but keeps it in the shell cache without the personal data', async () => {
    const sw = serviceWorker(async () => html(personalPage, 'no-store, private'));
    expect(await (await sw.get('/')).text()).toBe(personalPage);
    const shell = await sw.kept('portal-shell-v1', '/');
    expect(shell).toBe(SHELL);
    expect(shell).not.toMatch(/first-data|Lò Thị Mai|P1/);
  });

  it("keeps the page's answers the citizen may need offline as their own, successful ones only", async () => {
    const sw = serviceWorker(async () => html(personalPage, 'no-store, private'));
    await sw.get('/');
    expect(JSON.parse((await sw.kept('portal-mine-v1', '/api/me/record'))!)).toEqual(ANSWERS['/api/me/record'].body);
    expect(JSON.parse((await sw.kept('portal-mine-v1', '/api/session'))!)).toEqual(ANSWERS['/api/session'].body);
    expect(await sw.kept('portal-mine-v1', '/api/me/certificate')).toBeNull(); // a 503 is not the last answer
    expect(await sw.kept('portal-mine-v1', '/api/me/reads')).toBeNull(); // not kept for offline use
  });

  it('offline, opens the kept shell: never a personal page', async () => {
    let online = true;
    const sw = serviceWorker(async () => {
      if (!online) throw new TypeError('Failed to fetch');
      return html(personalPage, 'no-store, private');
    });
    await sw.get('/');
    online = false;
    expect(await (await sw.get('/')).text()).toBe(SHELL);
  });

  it('keeps a page for everyone (signed out) as it came', async () => {
    const sw = serviceWorker(async () => html(SHELL, 'no-cache'));
    await sw.get('/');
    expect(await sw.kept('portal-shell-v1', '/')).toBe(SHELL);
  });
});
