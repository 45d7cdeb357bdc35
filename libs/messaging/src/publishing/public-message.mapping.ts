import type { PublicMessage } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import type { OutgoingMessage } from './outgoing-message';

/**
 * The public message for a stored event: its id (so redeliveries are recognised), time, correlation,
 * causation and actor carried over; type, aggregate and payload as the context's contract says.
 */
export function publicMessageOf(
  event: RecordedEvent,
  type: string,
  aggregateId: string,
  payload: object,
): PublicMessage {
  return {
    eventId: event.id,
    type,
    aggregateId,
    occurredAt: event.metadata.occurredAt.toISOString(),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    actor: event.metadata.actor,
    payload,
  };
}

/** Keyed by the aggregate, so one aggregate's messages stay in order on one partition. */
export function outgoing(
  topic: string,
  event: RecordedEvent,
  type: string,
  aggregateId: string,
  payload: object,
): OutgoingMessage {
  return { topic, key: aggregateId, message: publicMessageOf(event, type, aggregateId, payload) };
}
