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

  async publish(messages: OutgoingMessage[]): Promise<void> {
    for (const { topic, key, message, traceparent } of messages) {
      const span = startPublishSpan(topic, 'embedded', traceparent);
      const appended = this.bus.append(
        busStream(topic, key),
        [
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
              traceparent: span.traceparent,
            },
          },
        ],
        'any',
      );
      await appended.then(
        () => span.end(),
        (error: unknown) => {
          span.end(error);
          throw error;
        },
      );
    }
  }

  async close(): Promise<void> {
    // The pool belongs to the caller.
  }
}
