/** A message the platform sent the citizen about a complaint, as the portal shows it. */
export interface SentMessage {
  /** Template name, e.g. "complaint-received". */
  template: string;
  text: string;
  /** ISO 8601, when it was sent. */
  sentAt: string;
}

/** What was sent to the citizen about a complaint: PostgreSQL, filled by the notification port's log. */
export interface SentMessagesPort {
  /** Oldest first, newest last. */
  ofComplaint(complaintId: string): Promise<SentMessage[]>;
}
