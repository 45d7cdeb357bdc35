import { readFileSync } from 'node:fs';
import type { Sessions } from '../application/ports/sessions.port';
import { WebAssetsController, cacheControlFor } from './web-assets.controller';

describe("the portal's assets in a phone's cache", () => {
  it('keeps a bundle file named by its content for a year, unchanged', () => {
    expect(cacheControlFor('build/app-3L4I24H5.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('build/portal-HZONK4O2.css')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps anything named otherwise an hour: it may change under the same name', () => {
    for (const file of ['i18n/vi.json', 'favicon.svg', 'build/app.js', 'js/app.js', 'vendor/jsQR.js'])
      expect(cacheControlFor(file)).toBe('public, max-age=3600');
  });
});

jest.mock('./first-data.reader', () => ({
  readFirstData: jest.fn(async (_req: unknown, paths: string[]) =>
    Object.fromEntries(paths.map((p) => [p, { status: 200, body: { path: p, note: '</script>' } }])),
  ),
}));

/** The page as the controller sends it, with the headers it set. */
async function openIndex(session: object | undefined | Error, cookie?: string) {
  const sessions = {
    touch: jest.fn(async () => {
      if (session instanceof Error) throw session;
      return session;
    }),
  };
  const controller = new WebAssetsController(sessions as unknown as Sessions);
  const headers: Record<string, string> = {};
  let body = '';
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    status: () => res,
    type: (type: string) => ((headers['content-type'] = type), res),
    send: (sent: Buffer | string) => void (body = sent.toString()),
    sendFile: (file: string) => void (body = readFileSync(file, 'utf8')),
  };
  const req = { headers: {}, cookies: cookie ? { vax_session: cookie } : {} };
  await controller.index(req as never, res as never);
  return { headers, body, touched: sessions.touch.mock.calls.length };
}

describe('the page for a signed-in person', () => {
  const citizen = { actor: { id: 'P1', role: 'citizen', scope: 'person:P1' }, displayName: 'x', csrfToken: 't' };

  it("carries the citizen's first data, and is kept by no cache", async () => {
    const { headers, body } = await openIndex(citizen, 'abc');
    expect(headers['cache-control']).toBe('no-store, private');
    expect(headers.vary).toMatch(/Cookie/);
    const block = /<script type="application\/json" id="first-data">(.*)<\/script>/.exec(body)![1];
    expect(Object.keys(JSON.parse(block))).toEqual([
      '/api/session',
      '/api/me/record',
      '/api/me/certificate',
      '/api/reference',
      '/api/me/reads',
    ]);
    expect(block).not.toContain('</script>');
  });

  it('carries no data, and may be revalidated and shared, signed out or when the session cannot be read', async () => {
    for (const [session, cookie] of [
      [undefined, undefined],
      [undefined, 'expired'],
      [new Error('database unavailable'), 'abc'],
    ] as const) {
      const { headers, body } = await openIndex(session, cookie);
      expect(headers['cache-control']).toBe('no-cache');
      expect(body).not.toContain('first-data');
      expect(body).toContain('<main id="view"');
    }
  });
});
