import { migrate } from '@vax/event-sourcing';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import type { OutgoingNotification } from '../../application/ports/notifications.port';
import { COMPLAINTS_MIGRATIONS } from './complaints.migrations';
import { DevelopmentNotificationOutbox } from './development-notifications.adapter';
import { PostgresSentMessages, SentMessagesLog } from './sent-messages.log';

// The log of what citizens were sent, on a real PostgreSQL: what the portal's "messages sent to you" reads.

const phone = { kind: 'phone' as const, phone: '0912345678' };
const received: OutgoingNotification = {
  key: 'complaint-c-1/3:notify-received',
  complaintId: 'c-1',
  to: phone,
  template: 'complaint-received',
  text: 'Phản ánh c-1 đã được tiếp nhận và đang được xử lý.',
};

describe('the log of messages sent to citizens, on PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let log: SentMessagesLog;
  let sent: PostgresSentMessages;
  beforeAll(async () => {
    db = await createTestDatabase('complaints_sent_messages');
    pool = new Pool({ connectionString: db.url, max: 2 });
    await migrate(pool, COMPLAINTS_MIGRATIONS);
    log = new SentMessagesLog(new DevelopmentNotificationOutbox(pool), pool);
    sent = new PostgresSentMessages(pool);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('logs a message sent twice under one key once (an activity retried)', async () => {
    await log.send(received);
    await log.send(received);
    expect(await sent.ofComplaint('c-1')).toEqual([
      { template: 'complaint-received', text: received.text, sentAt: expect.any(String) },
    ]);
  });

  it('answers a complaint’s messages newest last, and only that complaint’s', async () => {
    const asked = { ...received, key: 'complaint-c-2/9:notify-information-requested', complaintId: 'c-2' };
    await log.send({ ...received, key: 'complaint-c-2/3:notify-received', complaintId: 'c-2' });
    await log.send({ ...asked, template: 'complaint-information-requested', text: 'Phản ánh c-2: cần bổ sung.' });
    const messages = await sent.ofComplaint('c-2');
    expect(messages.map((m) => m.template)).toEqual(['complaint-received', 'complaint-information-requested']);
    expect(Date.parse(messages[0].sentAt)).toBeLessThanOrEqual(Date.parse(messages[1].sentAt));
  });

  it("does not log units' messages, nor the one-time code", async () => {
    await log.send({ ...received, key: 'k-unit', complaintId: 'c-3', to: { kind: 'unit', unitId: 'site:LC-TD-01' } });
    await log.send({ ...received, key: 'k-code', complaintId: 'c-3', template: 'complaint-contact-code' });
    expect(await sent.ofComplaint('c-3')).toEqual([]);
    // Both went out all the same (here, into the development outbox).
    const { rows } = await pool.query('select key from development_notifications where complaint_id = $1', ['c-3']);
    expect(rows).toHaveLength(2);
  });

  it('keeps no phone number', async () => {
    const { rows } = await pool.query('select * from complaint_sent_messages');
    expect(JSON.stringify(rows)).not.toContain(phone.phone);
  });
});
