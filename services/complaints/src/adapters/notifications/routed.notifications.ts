import type { NotificationPort, OutgoingNotification } from '../../application/ports/notifications.port';
import type { NotificationChannel, NotificationLog } from './notification-channel';

/**
 * Sends each message by the first channel that reaches its recipient: phones by the SMS gateway, units
 * by e-mail to their mailbox on record. A unit no channel reaches (no SMTP, or no mailbox on record)
 * is not sent anything: its staff find the complaint and its deadline in their queue, which is what
 * they work from. Logged by template, complaint and unit id: never a phone, mailbox or text.
 */
export class RoutedNotifications implements NotificationPort {
  constructor(
    private readonly channels: readonly NotificationChannel[],
    private readonly logger: NotificationLog,
  ) {}

  async send(notification: OutgoingNotification): Promise<void> {
    const { to, template, complaintId } = notification;
    const channel = this.channels.find((c) => c.reaches(to));
    const what = `${template} of complaint ${complaintId}`;
    if (!channel) {
      const whom = to.kind === 'unit' ? `unit ${to.unitId}` : 'a phone';
      this.logger.log(`${what} not sent: no channel configured reaches ${whom}`);
      return;
    }
    await channel.send(notification);
    this.logger.log(`${what} sent by ${channel.name}`);
  }
}
