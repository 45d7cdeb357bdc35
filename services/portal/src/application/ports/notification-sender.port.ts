/**
 * Messages to people: sign-in codes now; complaint news goes through the complaints service's own
 * port (an abstract class so that it is also the Nest DI token).
 */
export abstract class NotificationSender {
  /** Whether messages really leave the platform (false: the development outbox). */
  abstract readonly delivers: boolean;
  abstract sendSms(phone: string, text: string): Promise<void>;
}
