/** A message to a person: to the citizen's phone (SMS), or to the staff of a unit. */
export interface OutgoingNotification {
  /** Idempotency key: a message sent again with the same key is sent once. */
  key: string;
  complaintId: string;
  to: { kind: 'phone'; phone: string } | { kind: 'unit'; unitId: string };
  /** Template name, e.g. "complaint-rejected"; the text is already rendered in `text`. */
  template: string;
  text: string;
}

/** Sends notifications: SMS and e-mail adapters in production; a development adapter that keeps them. */
export interface NotificationPort {
  send(notification: OutgoingNotification): Promise<void>;
}
