import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import { startPublishSpan } from '../tracing/message-trace';
import { MESSAGE_HEADERS, type MessageSink, type OutgoingMessage } from './outgoing-message';

/**
 * Sends to Kafka and resolves when every partition leader and its in-sync replicas have the
 * messages (acks=-1). One request in flight, so a retried send cannot reorder one aggregate's events.
 * Not kafkajs's idempotent producer (experimental): duplicates are absorbed by consumers' inboxes.
 */
export class KafkaMessageSink implements MessageSink {
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1, idempotent: false });
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    this.connected ??= this.producer.connect();
    await this.connected;
    const byTopic = new Map<string, OutgoingMessage[]>();
    const spans = new Map(messages.map((m) => [m, startPublishSpan(m.topic, 'kafka', m.traceparent)]));
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    const sent = this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({
          key: m.key,
          value: JSON.stringify(m.message),
          headers: {
            [MESSAGE_HEADERS.eventId]: m.message.eventId,
            [MESSAGE_HEADERS.type]: m.message.type,
            [MESSAGE_HEADERS.correlationId]: m.message.correlationId,
            ...traceHeader(spans.get(m)?.traceparent),
          },
        })),
      })),
    });
    await sent.then(
      () => spans.forEach((span) => span.end()),
      (error: unknown) => {
        spans.forEach((span) => span.end(error));
        throw error;
      },
    );
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
  }
}

function traceHeader(traceparent: string | undefined): Record<string, string> {
  return traceparent ? { [MESSAGE_HEADERS.traceparent]: traceparent } : {};
}
