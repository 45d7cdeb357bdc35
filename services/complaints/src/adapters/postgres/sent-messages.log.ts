import type { Pool } from 'pg';
import type { NotificationPort, OutgoingNotification } from '../../application/ports/notifications.port';
import type { SentMessage, SentMessagesPort } from '../../application/ports/sent-messages.port';
import { isCitizenNews } from '../../domain/citizen-messages';

/**
 * The notification port, keeping what it sent to the citizen about a complaint (template and text,
 * never the phone) for the portal to show. Recorded after the sending only: a message that failed is
 * not "sent to you", and a retry with the same key sends once (the channels are idempotent by key)
 * and records once.
 */
export class SentMessagesLog implements NotificationPort {
  constructor(
    private readonly sending: NotificationPort,
    private readonly pool: Pool,
  ) {}

  async send(n: OutgoingNotification): Promise<void> {
    await this.sending.send(n);
    if (!isCitizenNews({ recipient: n.to.kind, template: n.template })) return;
    await this.pool.query(
      `insert into complaint_sent_messages (key, complaint_id, template, text)
       values ($1, $2, $3, $4) on conflict (key) do nothing`,
      [n.key, n.complaintId, n.template, n.text],
    );
  }
}

/** What the log holds about a complaint, for the API. */
export class PostgresSentMessages implements SentMessagesPort {
  constructor(private readonly pool: Pool) {}

  async ofComplaint(complaintId: string): Promise<SentMessage[]> {
    const { rows } = await this.pool.query<{ template: string; text: string; sent_at: Date }>(
      `select template, text, sent_at from complaint_sent_messages
       where complaint_id = $1 order by sent_at, key`,
      [complaintId],
    );
    return rows.map((r) => ({ template: r.template, text: r.text, sentAt: r.sent_at.toISOString() }));
  }
}
