import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActorTokenSigner, type CallerActor, PORTAL_ISSUER, ProblemException, generateIssuerKeys } from '@vax/platform';
import { UpstreamClient } from './upstream.client';

const manager: CallerActor = { id: 'quanly', role: 'manager', scope: 'province:LC' };

/*
 * The portal's calls to the services over a real local socket (issue 19): what every signed-in page
 * pays for the hop. A service stands in, recording each call's connection and token.
 */
describe("the portal's upstream client", () => {
  let server: Server;
  let client: UpstreamClient;
  const seen: { socket: unknown; token: string | undefined; url: string | undefined }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push({ socket: req.socket, token: req.headers['x-actor-token'] as string | undefined, url: req.url });
      res.setHeader('content-type', 'application/json');
      res.setHeader('x-next-cursor', 'abc');
      res.end(JSON.stringify({ rows: [{ key: 'Tam Đường', doses: 3 }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const keys = await generateIssuerKeys([PORTAL_ISSUER]);
    const signer = await ActorTokenSigner.from(keys.signing[PORTAL_ISSUER]);
    client = new UpstreamClient(
      { identity: base, injections: base, complaints: base, certification: base, campaign: base },
      signer,
    );
  });

  afterAll(async () => {
    await client.onModuleDestroy();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => (seen.length = 0));
  afterEach(() => jest.restoreAllMocks());

  it('relays status, type, the next-page cursor and the bytes as the service answered', async () => {
    const answer = await client.call('injections', 'GET', '/statistics/doses?groupBy=district', manager);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json');
    expect(answer.nextCursor).toBe('abc');
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ rows: [{ key: 'Tam Đường', doses: 3 }] });
    expect(seen[0].url).toBe('/statistics/doses?groupBy=district');
  });

  it('keeps its connections open: calls one after another do not each open one', async () => {
    for (let i = 0; i < 10; i++) await client.call('injections', 'GET', '/statistics/coverage', manager);
    // undici may open a second while the first is being handed back; never one a call.
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
  });

  it("sends one person's calls within half a minute with one token, and a new one after", async () => {
    const t0 = Date.now() + 3_600_000; // later than any token the other tests left
    const clock = jest.spyOn(Date, 'now').mockReturnValue(t0);
    await client.call('injections', 'GET', '/statistics/coverage', manager);
    clock.mockReturnValue(t0 + 12_000);
    await client.call('injections', 'GET', '/statistics/coverage', manager);
    clock.mockReturnValue(t0 + 31_000);
    await client.call('injections', 'GET', '/statistics/coverage', manager);
    expect(seen[1].token).toBe(seen[0].token);
    expect(seen[2].token).not.toBe(seen[0].token);
  });

  it('answers 503 naming the service when it cannot be reached', async () => {
    const keys = await generateIssuerKeys([PORTAL_ISSUER]);
    const nowhere = 'http://127.0.0.1:9';
    const down = new UpstreamClient(
      { identity: nowhere, injections: nowhere, complaints: nowhere, certification: nowhere, campaign: nowhere },
      await ActorTokenSigner.from(keys.signing[PORTAL_ISSUER]),
    );
    const refusal = await down.call('complaints', 'GET', '/queue', manager).catch((e: ProblemException) => e);
    expect(refusal).toBeInstanceOf(ProblemException);
    expect((refusal as ProblemException).getStatus()).toBe(503);
    expect((refusal as ProblemException).getResponse()).toMatchObject({
      detail: expect.stringContaining('complaints'),
    });
    await down.onModuleDestroy();
  });
});
