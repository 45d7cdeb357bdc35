/** Messages to people: sign-in codes now; complaint news goes through the complaints service's own port. */
export interface NotificationSender {
  /** Whether messages really leave the platform (false: the development outbox). */
  readonly delivers: boolean;
  sendSms(phone: string, text: string): Promise<void>;
}

export const NOTIFICATION_SENDER = Symbol('NOTIFICATION_SENDER');
