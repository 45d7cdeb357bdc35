import type { PublicActor, PublicMessage } from '@vax/contracts';
import type { RecordedEvent } from '@vax/event-sourcing';
import type { OutgoingMessage } from './outgoing-message';

/** What a public message says; `publicMessage` turns it into the envelope every topic carries. */
export interface PublicMessageFields<Payload extends object = object> {
  /** Stable across redeliveries (the stored event's id, or one derived from what the message carries). */
  eventId: string;
  type: string;
  aggregateId: string;
  occurredAt: Date;
  correlationId: string;
  /** What caused it, when that was another message; null when a person or a schedule did. */
  causationId?: string | null;
  actor: PublicActor;
  payload: Payload;
}

/** The one envelope builder: every message a service sends, from a stored event or not, is built here. */
export function publicMessage<Payload extends object>(fields: PublicMessageFields<Payload>): PublicMessage<Payload> {
  return {
    eventId: fields.eventId,
    type: fields.type,
    aggregateId: fields.aggregateId,
    occurredAt: fields.occurredAt.toISOString(),
    correlationId: fields.correlationId,
    causationId: fields.causationId ?? null,
    actor: fields.actor,
    payload: fields.payload,
  };
}

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
  const { occurredAt, correlationId, causationId, actor } = event.metadata;
  return publicMessage({
    eventId: event.id,
    type,
    aggregateId,
    occurredAt,
    correlationId,
    causationId,
    actor,
    payload,
  });
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
