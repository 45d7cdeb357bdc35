import { UpcasterChain } from '@vax/event-sourcing';

/**
 * Lifts complaint events stored in an older version of their data to the current one, on every read:
 * commands, the service's own reads, the publisher and the projections. A change to an event's data
 * registers its step here (from version n to n + 1); none yet, every complaint event is at version 1.
 */
export const complaintUpcasters = new UpcasterChain();
