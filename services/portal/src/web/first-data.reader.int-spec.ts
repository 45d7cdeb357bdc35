import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'express';
import { readFirstData } from './first-data.reader';

// The page's first answers are read from the server itself, over a real local socket: here a plain
// HTTP server plays the portal's API.
describe("reading the page's first data from the server's own API", () => {
  let server: Server;
  const cookies: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      cookies.push(req.headers.cookie ?? '');
      const json = (status: number, body: object) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url === '/api/session') return json(200, { role: 'citizen' });
      if (req.url === '/api/me/record') return json(503, { title: 'injections unavailable' });
      if (req.url === '/api/me/certificate.pdf')
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF');
      if (req.url === '/api/me/slow') return void setTimeout(() => json(200, { late: true }), 2_000);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** The page's request as Express gives it: the socket it came on, the visitor's cookie. */
  const pageRequest = () =>
    ({
      headers: { cookie: 'vax_session=abc' },
      socket: { localAddress: '127.0.0.1', localPort: (server.address() as AddressInfo).port },
    }) as unknown as Request;

  it("keeps each JSON answer with its status, asked with the visitor's cookie", async () => {
    const answers = await readFirstData(pageRequest(), ['/api/session', '/api/me/record']);
    expect(answers).toEqual({
      '/api/session': { status: 200, body: { role: 'citizen' } },
      '/api/me/record': { status: 503, body: { title: 'injections unavailable' } },
    });
    expect(cookies.slice(-2)).toEqual(['vax_session=abc', 'vax_session=abc']);
  });

  it('leaves out what is not JSON and what is late, without holding the page past its budget', async () => {
    const started = Date.now();
    const answers = await readFirstData(
      pageRequest(),
      ['/api/session', '/api/me/certificate.pdf', '/api/me/slow'],
      300,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(Object.keys(answers)).toEqual(['/api/session']);
  });
});
