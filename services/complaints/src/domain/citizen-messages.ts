/** The template of the one-time code that confirms the phone a complaint will give. */
export const CONTACT_CODE_TEMPLATE = 'complaint-contact-code';

/** A message as the log of what a citizen was sent sees it: to whom (a phone or a unit), and what. */
export interface SentMessageKind {
  recipient: 'phone' | 'unit';
  template: string;
}

/**
 * Whether a message sent belongs to what the citizen reads on the portal about their complaint: news
 * to the filer's phone. Units' messages are not theirs (a unit's queue is its record), and the
 * one-time code is a secret kept only hashed, sent before any complaint exists.
 */
export function isCitizenNews(message: SentMessageKind): boolean {
  return message.recipient === 'phone' && message.template !== CONTACT_CODE_TEMPLATE;
}
