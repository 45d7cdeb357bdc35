import type { PublicMessage } from '@vax/contracts';

/** A public message on its way to a topic, keyed by its aggregate. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  message: PublicMessage;
  /** The trace of the stored event it comes from (W3C traceparent), when that was traced. */
  traceparent?: string;
}

/** Where a publisher puts messages: Kafka, or the embedded log. Resolves once they are durable. */
export interface MessageSink {
  publish(messages: OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_HEADERS = {
  eventId: 'event-id',
  type: 'event-type',
  correlationId: 'correlation-id',
  traceparent: 'traceparent',
} as const;
