import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { eventually, testInfrastructure } from '@vax/testing';
import type { Kafka } from 'kafkajs';
import { readDeadLetters } from '../dead-letters/dead-letter.reader';
import { testKafka } from '../testing/kafka-test.helpers';
import { ReliableKafkaServer } from './reliable-kafka.server';
import { RethrowRpcExceptionsFilter } from './rethrow-rpc-exceptions.filter';

// A transient failure on one key holds back that key's partition only: kafkajs fetches again only
// once every batch of a fetch is done, so a handler that waited inside its batch held every partition.

const topic = `test.pause-${randomUUID().slice(0, 8)}.v1`;
const applied: Record<string, number[]> = {};
let outage = false;
let failures = 0;

@Controller()
class Applier {
  @EventPattern(topic)
  onMessage(@Payload() message: { key: string; n: number }) {
    if (message.key === 'stuck' && outage) {
      failures++;
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    }
    (applied[message.key] ??= []).push(message.n);
  }
}

@Module({ controllers: [Applier] })
class ApplierModule {}

async function produce(kafka: Kafka, partition: number, key: string, ns: number[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    acks: -1,
    messages: ns.map((n) => ({ partition, key, value: JSON.stringify({ key, n }) })),
  });
  await producer.disconnect();
}

describe('a transient failure pauses only its partition (real Kafka)', () => {
  const kafka = testKafka();
  const group = `pause-test-${randomUUID()}`;
  let server: ReliableKafkaServer;
  let app: INestMicroservice;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
    await admin.disconnect();
    server = new ReliableKafkaServer(
      {
        postfixId: '',
        client: { clientId: 'pause-test', brokers: testInfrastructure().kafkaBrokers },
        consumer: { groupId: group, allowAutoTopicCreation: false, sessionTimeout: 10_000, heartbeatInterval: 1_000 },
        subscribe: { fromBeginning: true },
        run: { autoCommit: true, partitionsConsumedConcurrently: 8 },
      },
      { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 200, maxTransientDelayMs: 300 },
    );
    app = await NestFactory.createMicroservice(ApplierModule, { logger: false, strategy: server });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('keeps the other partitions flowing, then applies the key in order once it recovers; nothing dead-lettered', async () => {
    outage = true;
    await produce(kafka, 0, 'stuck', [1]);
    await eventually(async () => expect(failures).toBeGreaterThanOrEqual(2), { attempts: 300, intervalMs: 100 });
    expect(server.waiting()).toEqual([expect.objectContaining({ partition: `${topic}/0`, position: '0' })]);

    // Produced only now, while partition 0 waits: a consumer stuck inside its batch would never fetch them.
    await produce(kafka, 0, 'stuck', [2, 3]);
    await produce(kafka, 1, 'a', [1, 2, 3, 4, 5]);
    await produce(kafka, 2, 'b', [1, 2, 3, 4, 5]);
    await eventually(
      async () =>
        expect([applied.a, applied.b]).toEqual([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      {
        attempts: 300,
        intervalMs: 100,
      },
    );
    expect(applied.stuck).toBeUndefined();
    expect(server.waiting()).toHaveLength(1);
    const failuresWhileOthersFlowed = failures;

    outage = false;
    await eventually(async () => expect(applied.stuck).toEqual([1, 2, 3]), { attempts: 300, intervalMs: 100 });
    expect(server.waiting()).toEqual([]);
    expect(failuresWhileOthersFlowed).toBeGreaterThanOrEqual(2);
    const letters = await readDeadLetters(kafka);
    expect(letters.filter((l) => l.consumerGroup === group)).toEqual([]);
  }, 90_000);
});
