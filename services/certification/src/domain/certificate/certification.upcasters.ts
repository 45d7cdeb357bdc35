import { UpcasterChain } from '@vax/event-sourcing';

/**
 * Lifts certification events stored in an older version of their data to the current one, on every
 * read: commands, the publisher and the projections. A change to an event's data registers its step
 * here (from version n to n + 1); none yet, every certification event is at version 1.
 */
export const certificationUpcasters = new UpcasterChain();
