import { PlatformUnderTest } from './platform-processes';

interface Problem {
  status: number;
  errors?: { field: string; rule: string }[];
}

// The portal and the services its manager pages read, as processes: what a hostile client sends the
// portal is refused by the portal itself (its own routes, relayed bodies, raw queries) or, for
// relayed queries, by the service behind it; either way a 400 naming the field and the rule.
describe('the portal refuses unsafe text and impossible dates (portal, injections and complaints as processes)', () => {
  const platform = new PlatformUnderTest('kafka', 5500, ['injections', 'complaints', 'portal']);
  const url = (path: string) => platform.service('portal').url(path);
  let cookie = '';
  let csrf = '';

  const send = async (method: string, path: string, body?: unknown, raw?: string) => {
    const res = await fetch(url(path), {
      method,
      headers: {
        ...(cookie ? { cookie, 'x-csrf-token': csrf } : {}),
        ...(body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Problem };
  };
  const refused = (field: string, rule: string) => ({
    status: 400,
    body: expect.objectContaining({ errors: [expect.objectContaining({ field, rule })] }),
  });

  beforeAll(async () => {
    await platform.start();
    const res = await fetch(url('/api/auth/staff/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quanly.soyte', password: 'demo-LaiChau-2021' }),
    });
    expect(res.status).toBe(201);
    cookie = res.headers.get('set-cookie')!.split(';')[0];
    csrf = ((await (await fetch(url('/api/session'), { headers: { cookie } })).json()) as { csrfToken: string })
      .csrfToken;
  }, 300_000);
  afterAll(() => platform.kill());

  it('refuses NUL in the staff username before any sign-in is attempted', async () => {
    const signIn = { username: 'quanly.soyte\u0000', password: 'wrong' };
    expect(await send('POST', '/api/auth/staff/session', signIn)).toEqual(refused('username', 'controlCharacter'));
  });

  it("refuses NUL in the development outbox's query", async () => {
    expect(await send('GET', '/api/dev/outbox?phone=%00')).toEqual(refused('phone', 'controlCharacter'));
  });

  it('refuses NUL in a body the portal relays as it is, without the service behind it hearing of it', async () => {
    // The campaign service is not even running: the refusal can only be the portal's.
    const start = { name: 'Đợt 1\u0000', importIds: ['i-1'], deadline: '2021-12-31' };
    expect(await send('POST', '/api/manager/campaigns', start)).toEqual(refused('name', 'controlCharacter'));
  });

  it('refuses a body nested 40,000 deep (400 maxDepth, not a stack overflow)', async () => {
    const deep = `{"username":${'['.repeat(40_000)}${']'.repeat(40_000)},"password":"x"}`;
    const res = await send('POST', '/api/auth/staff/session', undefined, deep);
    expect(res).toEqual({
      status: 400,
      body: expect.objectContaining({ errors: [expect.objectContaining({ rule: 'maxDepth' })] }),
    });
  });

  it("refuses impossible days and backwards ranges on the manager's figures and SLA reports", async () => {
    expect(await send('GET', '/api/manager/doses?groupBy=day&from=2021-02-30&to=2021-03-31')).toEqual(
      refused('from', 'isCalendarDate'),
    );
    expect(await send('GET', '/api/manager/doses?groupBy=day&from=2021-11-30&to=2021-11-01')).toEqual(
      refused('to', 'dateRangeOrdered'),
    );
    expect(await send('GET', '/api/manager/sla/breaches?from=2021-02-30&to=2021-03-31')).toEqual(
      refused('from', 'isCalendarDate'),
    );
    expect(await send('GET', '/api/manager/sla/breaches?from=2021-11-30&to=2021-11-01')).toEqual(
      refused('to', 'dateRangeOrdered'),
    );
    expect((await send('GET', '/api/manager/doses?groupBy=day&from=2021-11-01&to=2021-11-30')).status).toBe(200);
  });
});
