import { NotificationSender } from '../../application/ports/notification-sender.port';

/**
 * An SMS brand-name gateway reached over HTTPS: POST {url} with JSON {to, text} and a bearer key. The
 * provinces' providers differ in field names; this adapter is the one place that knows them.
 */
export class SmsGatewaySender extends NotificationSender {
  readonly delivers = true;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly timeoutMs = 5_000,
  ) {
    super();
  }

  async sendSms(phone: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify({ to: phone, text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}
