import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { testInfrastructure } from '@vax/testing';

export function testKafka(): Kafka {
  return new Kafka({
    clientId: 'messaging-tests',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.ERROR,
  });
}

/** A topic of this test's own (auto-creation is off, as in production). */
export async function createTopic(kafka: Kafka, prefix: string, partitions: number): Promise<string> {
  const topic = `test.${prefix}-${randomUUID().slice(0, 8)}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
  });
  await admin.disconnect();
  return topic;
}

/** How many messages the topic holds now (high watermarks summed). */
export async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}
