import type { CustomTransportStrategy } from '@nestjs/microservices';
import { type ConsumerWaits, EmbeddedLogServer, ReliableKafkaServer } from '@vax/messaging';

export interface ConsumerSettings {
  MESSAGE_TRANSPORT?: 'kafka' | 'embedded';
  KAFKA_BROKERS?: string[];
  KAFKA_CONSUMER_GROUP?: string;
  BUS_DATABASE_URL?: string;
}

/** The transport the service's @EventPattern handlers run on; the handlers are the same on both. */
export function consumerTransport(
  service: string,
  settings: ConsumerSettings,
): CustomTransportStrategy & ConsumerWaits {
  const group = settings.KAFKA_CONSUMER_GROUP ?? service;
  if (settings.MESSAGE_TRANSPORT === 'embedded') {
    return new EmbeddedLogServer({ busUrl: settings.BUS_DATABASE_URL!, subscriber: group });
  }
  return new ReliableKafkaServer({
    postfixId: '',
    client: { clientId: service, brokers: settings.KAFKA_BROKERS! },
    consumer: { groupId: group, allowAutoTopicCreation: false, sessionTimeout: 10_000, heartbeatInterval: 2_000 },
    // A new consumer group reads what the topic still holds: nothing published before its first start is lost.
    subscribe: { fromBeginning: true },
    // Partitions of other topics move on while one is busy (a new group catching up on a long history, say).
    run: { autoCommit: true, partitionsConsumedConcurrently: 8 },
  });
}
