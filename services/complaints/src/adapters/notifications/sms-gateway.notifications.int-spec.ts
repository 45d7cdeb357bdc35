import { type IncomingHttpHeaders, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureKind } from '@vax/platform';
import { NotificationDeliveryError } from './notification-channel';
import { SmsGatewayNotifications, type SmsGatewaySettings } from './sms-gateway.notifications';

// The SMS adapter against a stand-in gateway on a local port (node:http): what it posts, and how it
// answers the gateway's failures. The stand-in answers each request by the next entry of `answers`.

const phone = '0912345678';
const text = 'Phản ánh c-42 đã được giải quyết: dữ liệu tiêm chủng đã được cập nhật.';
const resolved = {
  key: 'complaint-c-42/12:notify-resolved',
  complaintId: 'c-42',
  to: { kind: 'phone' as const, phone },
  template: 'complaint-resolved',
  text,
};
type Answer = number | 'hang';

describe('the SMS gateway adapter', () => {
  let server: Server;
  let url: string;
  let requests: { headers: IncomingHttpHeaders; body: unknown }[];
  let answers: Answer[];
  let logged: string[];
  const hanging: ServerResponse[] = [];
  const settings = (): SmsGatewaySettings => ({
    url,
    apiKey: 'khoa-api-thu',
    timeoutMs: 300,
    retries: 2,
    backoffMs: 5,
  });
  const logger = { log: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  const gateway = (over: Partial<SmsGatewaySettings> = {}) =>
    new SmsGatewayNotifications({ ...settings(), ...over }, logger);

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return void hanging.push(res);
      res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ echo: { phone, text } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sms/send`;
  });
  beforeEach(() => {
    requests = [];
    answers = [];
    logged = [];
  });
  afterAll(async () => {
    for (const res of hanging) res.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  afterEach(() => {
    // Personal data never reaches a log line: neither the number nor the message.
    expect(logged.join('\n')).not.toMatch(/0912345678|giải quyết/);
  });

  it('posts the Vietnamese text to the phone with the bearer key and an Idempotency-Key fixed by the notification', async () => {
    await gateway().send(resolved);
    await gateway().send(resolved);
    await gateway().send({ ...resolved, key: 'complaint-c-43/12:notify-resolved' });
    expect(requests[0].body).toEqual({ to: phone, text });
    expect(requests[0].headers).toMatchObject({
      authorization: 'Bearer khoa-api-thu',
      'content-type': 'application/json',
      'idempotency-key': expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
    const keys = requests.map((r) => r.headers['idempotency-key']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('reaches phones only', () => {
    expect(gateway().reaches({ kind: 'phone', phone })).toBe(true);
    expect(gateway().reaches({ kind: 'unit', unitId: 'site:LC-TD-01' })).toBe(false);
  });

  it('tries again after a 503 and after a timeout, with the same Idempotency-Key, and then sends', async () => {
    answers = [503, 'hang', 200];
    await gateway().send(resolved);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(logged).toEqual([
      'sms-gateway: complaint-resolved of complaint c-42: answered 503, trying again',
      'sms-gateway: complaint-resolved of complaint c-42: no answer within 300 ms, trying again',
    ]);
  });

  it('gives up after its retries with an error naming the status only', async () => {
    answers = [500, 502, 500];
    const error = await gateway()
      .send(resolved)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    expect((error as Error).message).toBe('sms-gateway did not take complaint-resolved: answered 500 (attempt 3)');
    expect(requests).toHaveLength(3);
    expect(failureKind(error)).toBe('transient'); // the activity retries it for as long as the gateway fails
  });

  it('does not try again a refusal (4xx other than 408 and 429)', async () => {
    answers = [401];
    const refused = await gateway()
      .send(resolved)
      .catch((e: unknown) => e);
    expect((refused as Error).message).toContain('answered 401 (attempt 1)');
    expect(failureKind(refused)).not.toBe('transient');
    answers = [429, 400];
    await expect(gateway().send(resolved)).rejects.toThrow('answered 400 (attempt 2)');
    expect(requests).toHaveLength(3);
  });

  it('tries again when the gateway cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await gateway({ url: `http://127.0.0.1:${port}/`, retries: 1 })
      .send(resolved)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'sms-gateway did not take complaint-resolved: unreachable (ECONNREFUSED) (attempt 2)',
    );
  });
});
