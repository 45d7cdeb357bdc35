import type { Pool } from 'pg';
import { NotificationSender } from '../../application/ports/notification-sender.port';

/**
 * Development and demos: nothing is sent; messages are kept in the portal's database and shown on
 * its "development outbox" page, marked as such, so a tester can read the code a phone would get.
 */
export class DevelopmentOutboxSender extends NotificationSender {
  readonly delivers = false;

  constructor(private readonly pool: Pool) {
    super();
  }

  async sendSms(phone: string, text: string): Promise<void> {
    await this.pool.query('insert into dev_outbox (channel, recipient, body) values ($1, $2, $3)', [
      'sms',
      phone,
      text,
    ]);
  }

  async recent(recipient?: string): Promise<{ channel: string; recipient: string; body: string; sentAt: string }[]> {
    const { rows } = await this.pool.query(
      `select channel, recipient, body, sent_at from dev_outbox where ($1::text is null or recipient = $1)
       order by id desc limit 50`,
      [recipient ?? null],
    );
    return rows.map((r) => ({
      channel: r.channel,
      recipient: r.recipient,
      body: r.body,
      sentAt: r.sent_at.toISOString(),
    }));
  }
}
