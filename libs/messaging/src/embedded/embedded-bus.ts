import { randomUUID } from 'node:crypto';
import type { EventStore } from '@vax/event-sourcing';
import type { MessageSink, OutgoingMessage } from '../publishing/outgoing-message';
import { startPublishSpan } from '../tracing/message-trace';

/**
 * The embedded transport's durable log: an event store in one database shared by the services of a
 * single-machine install, one stream per topic and key ("<topic>|<key>"). Subscribers read it in the
 * store's commit-safe order with their own checkpoints, as Kafka consumer groups read partitions.
 */
export const busStream = (topic: string, key: string) => `${topic}|${key}`;
export const topicOfBusStream = (stream: string) => stream.slice(0, stream.indexOf('|'));

export class EmbeddedBusSink implements MessageSink {
  constructor(private readonly bus: EventStore) {}

  /** The whole batch in one transaction (one commit), each message on its key's stream, in order. */
  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const spans = messages.map(({ topic, traceparent }) => startPublishSpan(topic, 'embedded', traceparent));
    const appends = messages.map(({ topic, key, message }, i) => ({
      stream: busStream(topic, key),
      expected: 'any' as const,
      events: [
        {
          // A fresh id per delivery record; consumers dedupe on message.eventId, as with Kafka.
          id: randomUUID(),
          type: message.type,
          schemaVersion: 1,
          data: message,
          metadata: {
            correlationId: message.correlationId,
            causationId: message.eventId,
            actor: message.actor,
            occurredAt: new Date(message.occurredAt),
            traceparent: spans[i].traceparent,
          },
        },
      ],
    }));
    try {
      await this.bus.appendToStreams(appends);
    } catch (error) {
      spans.forEach((span) => span.end(error));
      throw error;
    }
    spans.forEach((span) => span.end());
  }

  async close(): Promise<void> {
    // The pool belongs to the caller.
  }
}
