import { v5 as uuidv5 } from 'uuid';
import type { OutgoingNotification } from '../../application/ports/notifications.port';
import { type NotificationChannel, NotificationDeliveryError, type NotificationLog } from './notification-channel';

/** Fixed namespace of the Idempotency-Key sent with each message (UUIDv5 of the notification key). */
const IDEMPOTENCY_NAMESPACE = '6c0f5a8e-3b1d-4e27-9a64-2f8d7c1b5e93';

export interface SmsGatewaySettings {
  url: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first, on 5xx, 408, 429, timeouts and broken connections. */
  retries: number;
  /** The first pause between attempts, doubled each time (with jitter). */
  backoffMs?: number;
}

type Attempt = { sent: true } | { sent: false; retryable: boolean; detail: string };

/**
 * The province's brand-name SMS gateway over HTTPS, in the portal's shape (POST {url}, JSON
 * `{to, text}`, bearer key), plus what sending from an activity needs: an Idempotency-Key fixed by the
 * notification key, so a message sent again after a timeout that did reach the gateway is one message
 * where the gateway honours the key; and retries with backoff on answers that may succeed later.
 * Attempts × timeout stays inside the activity's 30 s (the settings are bounded for that), after which
 * Temporal retries the activity with the same key.
 */
export class SmsGatewayNotifications implements NotificationChannel {
  readonly name = 'sms-gateway';

  constructor(
    private readonly settings: SmsGatewaySettings,
    private readonly logger: NotificationLog,
    private readonly pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  ) {}

  reaches(to: OutgoingNotification['to']): boolean {
    return to.kind === 'phone';
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const { to, template, complaintId } = notification;
    if (to.kind !== 'phone') throw new NotificationDeliveryError(this.name, template, 'reaches phones only');
    const idempotencyKey = uuidv5(notification.key, IDEMPOTENCY_NAMESPACE);
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(to.phone, notification.text, idempotencyKey);
      if (result.sent) return;
      if (!result.retryable || attempt > this.settings.retries)
        throw new NotificationDeliveryError(
          this.name,
          template,
          `${result.detail} (attempt ${attempt})`,
          result.retryable,
        );
      this.logger.warn(`${this.name}: ${template} of complaint ${complaintId}: ${result.detail}, trying again`);
      await this.pause(this.backoff(attempt));
    }
  }

  private async attempt(phone: string, text: string, idempotencyKey: string): Promise<Attempt> {
    try {
      const res = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.settings.apiKey}`,
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // Drained, never read into an error: gateways echo the number and the text in their answers.
      await res.arrayBuffer();
      if (res.ok) return { sent: true };
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      return { sent: false, retryable, detail: `answered ${res.status}` };
    } catch (error) {
      return { sent: false, retryable: true, detail: this.describe(error) };
    }
  }

  /** What went wrong, from names and codes only (a cause's message may hold the request). */
  private describe(error: unknown): string {
    // By name, not instanceof: fetch's DOMException and TypeError may come from another realm.
    const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
    if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${this.settings.timeoutMs} ms`;
    const code = typeof cause?.code === 'string' ? cause.code : typeof name === 'string' ? name : 'error';
    return `unreachable (${code})`;
  }

  /** Jittered, so the activities held up by one outage do not all come back in the same instant. */
  private backoff(attempt: number): number {
    return (this.settings.backoffMs ?? 250) * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  }
}
