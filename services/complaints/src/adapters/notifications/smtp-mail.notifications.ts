import { createTransport, type Transporter } from 'nodemailer';
import { v5 as uuidv5 } from 'uuid';
import type { OutgoingNotification } from '../../application/ports/notifications.port';
import { type NotificationChannel, NotificationDeliveryError } from './notification-channel';

/** Fixed namespace of Message-IDs (UUIDv5 of the notification key). */
const MESSAGE_ID_NAMESPACE = '9d2b7e41-58c3-4f0a-b6e2-1a7c3d9f4e85';

export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS from the first byte). */
  url: string;
  /** e.g. `"Sở Y tế Lai Châu" <phananh@soyte.laichau.gov.vn>` */
  from: string;
  /** Refuse to go on over plain text when the server offers no STARTTLS (smtp:// only). */
  requireTls: boolean;
  /** Connecting, the greeting, and any silence of the server afterwards. */
  timeoutMs: number;
}

/** The subject says what the unit is asked to do; the body is the Vietnamese text the activity rendered. */
const SUBJECTS: Record<string, string> = {
  'complaint-assigned': 'được giao xử lý',
  'complaint-reminder': 'sắp đến hạn xử lý',
  'complaint-escalated': 'chuyển lên đơn vị xử lý',
};

/**
 * E-mail over SMTP (nodemailer) to the units that hold complaints, at their mailbox on record
 * (UNIT_MAILBOXES_FILE). Citizens give a phone, not an e-mail address, so they are the SMS gateway's.
 * One connection per message: units get a few messages per complaint, and nothing stays open between
 * activities. The Message-ID comes from the notification key, so a message sent again by a retried
 * activity carries the same id and mail systems can recognise it.
 */
export class SmtpMailNotifications implements NotificationChannel {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly messageIdDomain: string;

  constructor(
    private readonly settings: SmtpSettings,
    private readonly mailboxes: ReadonlyMap<string, string>,
  ) {
    this.transport = createTransport({
      url: settings.url,
      requireTLS: settings.requireTls,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      // The texts are ours; nothing in a message may make nodemailer read a file or fetch a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? 'complaints.invalid';
  }

  reaches(to: OutgoingNotification['to']): boolean {
    return to.kind === 'unit' && this.mailboxes.has(to.unitId);
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const { to, template, complaintId } = notification;
    const mailbox = to.kind === 'unit' ? this.mailboxes.get(to.unitId) : undefined;
    if (!mailbox) throw new NotificationDeliveryError(this.name, template, 'no mailbox on record for the recipient');
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: mailbox,
        subject: `Phản ánh ${complaintId} ${SUBJECTS[template] ?? ''}`.trim(),
        text: notification.text,
        // Vietnamese is mostly multi-byte: base64 is a third shorter than quoted-printable here.
        textEncoding: 'base64',
        messageId: `<${uuidv5(notification.key, MESSAGE_ID_NAMESPACE)}@${this.messageIdDomain}>`,
        headers: { 'Content-Language': 'vi' },
      });
    } catch (error) {
      throw new NotificationDeliveryError(this.name, template, describe(error));
    }
  }
}

/** Codes only: the server's reply text quotes the recipient ("550 <tyt@…>: no such user"). */
function describe(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const parts = [typeof code === 'string' ? code : 'error', typeof responseCode === 'number' ? responseCode : null];
  return parts.filter((p) => p !== null).join(' ');
}
