import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '@vax/platform';
import { TEST_KEY_SETTINGS } from '@vax/testing';
import type { Pool } from 'pg';
import { ComplaintsWorkerConfig } from '../../worker/complaints-worker.config';
import { LocalSmtpServer, readMail } from './local-smtp-server.spec-fixtures';
import { notificationsFor } from './notifications.factory';

// NOTIFICATIONS=sms-gateway,smtp as the worker builds it from its environment: phones by the gateway
// (a local HTTP stand-in), units by e-mail (a local SMTP server) at the mailboxes of the file.

const env = {
  PORT: '3005',
  DATABASE_URL: 'postgres://vax:vax@127.0.0.1:5432/complaints',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
  ACTOR_TOKEN_PRIVATE_KEY: TEST_KEY_SETTINGS.WORKER_PRIVATE_KEY,
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};
// The database (the development outbox, the log of what citizens were sent) stood in for: the tables
// written, in order. The log itself is tested on PostgreSQL in sent-messages.log.int-spec.ts.
let written: string[];
const pool = {
  query: async (sql: string) => (written.push(/insert into (\w+)/.exec(sql)?.[1] ?? sql), { rows: [] }),
} as unknown as Pool;

describe('the notifications NOTIFICATIONS names', () => {
  const smtp = new LocalSmtpServer({ user: 'phananh', pass: 'mat-khau' });
  let gateway: Server;
  let texts: { to: string; text: string }[];
  let logged: string[];
  const logger = { log: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };

  beforeAll(async () => {
    await smtp.start();
    gateway = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      texts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(202).end();
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => {
    texts = [];
    logged = [];
    written = [];
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await smtp.stop();
    await new Promise((resolve) => gateway.close(resolve));
  });

  it('sends SMS to phones and e-mail to units with a mailbox; a unit without one finds it in its queue', async () => {
    const config = loadConfig('complaints-worker', ComplaintsWorkerConfig, {
      ...env,
      NOTIFICATIONS: 'sms-gateway,smtp',
      SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
      SMS_GATEWAY_API_KEY: 'khoa-api-thu',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'phananh@laichau.example',
      SMTP_REQUIRE_TLS: 'false',
      UNIT_MAILBOXES_FILE: join(__dirname, '../../reference/unit-mailboxes.example.json'),
    });
    const notifications = notificationsFor(config, pool, logger);
    const common = { complaintId: 'c-7', template: 'complaint-assigned' };
    const assigned = 'Phản ánh c-7 được giao cho đơn vị, hạn xử lý 13/02/2026 10:00.';
    await notifications.send({ ...common, key: 'k1', to: { kind: 'unit', unitId: 'site:LC-TD-01' }, text: assigned });
    await notifications.send({ ...common, key: 'k2', to: { kind: 'unit', unitId: 'site:LC-PT-01' }, text: assigned });
    const received = 'Phản ánh c-7 đã được tiếp nhận và đang được xử lý.';
    await notifications.send({
      key: 'k3',
      complaintId: 'c-7',
      template: 'complaint-received',
      to: { kind: 'phone', phone: '0912345678' },
      text: received,
    });

    expect(texts).toEqual([{ to: '0912345678', text: received }]);
    expect(smtp.received.map((m) => m.to)).toEqual([['tramyte.binhlu@laichau.example']]);
    expect(readMail(smtp.received[0].data).text.trim()).toBe(assigned);
    expect(logged).toEqual([
      'complaint-assigned of complaint c-7 sent by smtp',
      'complaint-assigned of complaint c-7 not sent: no channel configured reaches unit site:LC-PT-01',
      'complaint-received of complaint c-7 sent by sms-gateway',
    ]);
    expect(written).toEqual(['complaint_sent_messages']); // the citizen's message only
  });

  it('keeps everything in the development outbox by default, and logs what the citizen was sent', async () => {
    const config = loadConfig('complaints-worker', ComplaintsWorkerConfig, env);
    await notificationsFor(config, pool, logger).send({
      key: 'k4',
      complaintId: 'c-7',
      template: 'complaint-received',
      to: { kind: 'phone', phone: '0912345678' },
      text: 'Phản ánh c-7 đã được tiếp nhận và đang được xử lý.',
    });
    expect(texts).toEqual([]);
    expect(written).toEqual(['development_notifications', 'complaint_sent_messages']);
  });
});
