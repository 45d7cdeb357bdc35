import type { OutgoingNotification } from '../../application/ports/notifications.port';

/** One way out of the platform (the SMS gateway, SMTP): which recipients it reaches, and the sending. */
export interface NotificationChannel {
  readonly name: string;
  reaches(to: OutgoingNotification['to']): boolean;
  send(notification: OutgoingNotification): Promise<void>;
}

/** Where adapters report; lines carry templates, keys, unit ids and statuses, never a phone, mailbox or text. */
export interface NotificationLog {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * A refusal or failure of a channel, worded from the status and step only: gateways and mail servers
 * quote recipients in their answers, and errors end up in Temporal's history and in logs.
 */
export class NotificationDeliveryError extends Error {
  constructor(
    readonly channel: string,
    readonly template: string,
    readonly detail: string,
    /** Whether a later try may succeed (a 5xx, a timeout): the activity then keeps retrying it. */
    readonly retriable = false,
  ) {
    super(`${channel} did not take ${template}: ${detail}`);
    this.name = 'NotificationDeliveryError';
  }
}
