import type { Pool } from 'pg';
import type { NotificationPort, OutgoingNotification } from '../../application/ports/notifications.port';

export interface KeptNotification {
  template: string;
  body: string;
  recipientKind: 'phone' | 'unit';
  recipient: string;
  createdAt: Date;
}

/**
 * DEVELOPMENT adapter: instead of sending SMS, keeps each message in PostgreSQL for the portal to
 * show, clearly as a development outbox. A message sent again with the same key is kept once.
 */
export class DevelopmentNotificationOutbox implements NotificationPort {
  constructor(private readonly pool: Pool) {}

  async send(n: OutgoingNotification): Promise<void> {
    const recipient = n.to.kind === 'phone' ? n.to.phone : n.to.unitId;
    await this.pool.query(
      `insert into development_notifications (key, complaint_id, recipient_kind, recipient, template, body)
       values ($1, $2, $3, $4, $5, $6) on conflict (key) do nothing`,
      [n.key, n.complaintId, n.to.kind, recipient, n.template, n.text],
    );
  }

  /** What was sent about a complaint, oldest first. */
  async forComplaint(complaintId: string): Promise<KeptNotification[]> {
    const { rows } = await this.pool.query(
      `select template, body, recipient_kind as "recipientKind", recipient, created_at as "createdAt"
       from development_notifications where complaint_id = $1 order by created_at, key`,
      [complaintId],
    );
    return rows as KeptNotification[];
  }

  /** The latest messages to phones (to one number when given), newest first: for the development outbox page. */
  async recentToPhones(recipient?: string): Promise<{ recipient: string; body: string; sentAt: string }[]> {
    const { rows } = await this.pool.query<{ recipient: string; body: string; created_at: Date }>(
      `select recipient, body, created_at from development_notifications
       where recipient_kind = 'phone' and ($1::text is null or recipient = $1)
       order by created_at desc limit 50`,
      [recipient ?? null],
    );
    return rows.map((r) => ({ recipient: r.recipient, body: r.body, sentAt: r.created_at.toISOString() }));
  }
}
