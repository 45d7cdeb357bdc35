import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Payload } from '@nestjs/microservices';
import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase, testInfrastructure } from '@vax/testing';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { readDeadLetters } from '../dead-letters/dead-letter.reader';
import { Inbox } from '../inbox/inbox';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { createTopic, testKafka } from '../testing/kafka-test.helpers';
import { BatchEventPattern } from './batch-event-pattern';
import { ReliableKafkaServer } from './reliable-kafka.server';
import { RethrowRpcExceptionsFilter } from './rethrow-rpc-exceptions.filter';

// A batch handler (BatchEventPattern) on Kafka: a partition's fetched messages in one call, their
// effects applied once per message id (an inbox in one transaction).

type Counted = { id: string; n: number; poison?: boolean };
const calls: number[] = [];
let pool: Pool;
let topic = '';

function recorderModule(batchTopic: string) {
  @Controller()
  class Recorder {
    @BatchEventPattern(batchTopic)
    async onBatch(@Payload() messages: Counted[]) {
      calls.push(messages.length);
      if (messages.some((m) => m.poison)) throw new Error('a message no handler can take');
      await new Inbox(pool, 'kafka-batcher').runOnceEach(
        messages.map((m) => m.id),
        async (tx, fresh) => {
          const applied = messages.filter((m) => fresh.has(m.id)).map((m) => m.n);
          await tx.query('insert into effects (n) select unnest($1::int[])', [applied]);
        },
      );
    }
  }
  @Module({ controllers: [Recorder] })
  class RecorderModule {}
  return RecorderModule;
}

async function produce(kafka: Kafka, messages: Counted[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ key: 'k', value: JSON.stringify(m) })) });
  await producer.disconnect();
}

describe('a batch handler on Kafka (real broker)', () => {
  const kafka = testKafka();
  const group = `batch-test-${randomUUID()}`;
  let db: TestDatabase;

  const start = async (): Promise<INestMicroservice> => {
    const server = new ReliableKafkaServer(
      {
        postfixId: '',
        client: { clientId: 'batch-test', brokers: testInfrastructure().kafkaBrokers },
        consumer: { groupId: group, allowAutoTopicCreation: false, sessionTimeout: 10_000, heartbeatInterval: 1_000 },
        subscribe: { fromBeginning: true },
        run: { autoCommit: true },
      },
      { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
    );
    const app = await NestFactory.createMicroservice(recorderModule(topic), { logger: false, strategy: server });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
    return app;
  };
  const effects = async () =>
    (await pool.query<{ n: number }>('select n from effects order by n')).rows.map((r) => r.n);
  const counted = (n: number, poison = false): Counted => ({ id: randomUUID(), n, poison });

  beforeAll(async () => {
    db = await createTestDatabase('kafka_batches');
    pool = new Pool({ connectionString: db.url, max: 4 });
    await migrate(pool, MESSAGING_MIGRATIONS);
    await pool.query('create table effects (n int not null)');
    topic = await createTopic(kafka, 'batches', 1);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('hands the handler a fetch together; the batch redelivered (offsets reset) applies nothing twice', async () => {
    await produce(
      kafka,
      Array.from({ length: 20 }, (_, i) => counted(i)),
    );
    const app = await start();
    await eventually(async () => expect(await effects()).toHaveLength(20), { attempts: 240 });
    await app.close();
    expect(calls.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...calls)).toBeGreaterThan(1);

    const admin = kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: group, topic, earliest: true });
    await admin.disconnect();
    calls.length = 0;
    const again = await start();
    await eventually(async () => expect(calls.reduce((a, b) => a + b, 0)).toBe(20), { attempts: 240 });
    await again.close();
    expect(await effects()).toEqual([...Array(20).keys()]);
  }, 120_000);

  it('dead-letters a poison message of a batch and applies its neighbours, each once', async () => {
    await pool.query('truncate effects');
    const app = await start();
    calls.length = 0;
    await produce(
      kafka,
      [30, 31, 32, 33, 34].map((n) => counted(n, n === 32)),
    );
    await eventually(async () => expect(await effects()).toEqual([30, 31, 33, 34]), { attempts: 240 });
    const letters = await eventually(
      async () => {
        const ours = (await readDeadLetters(kafka)).filter((l) => l.consumerGroup === group);
        expect(ours).toHaveLength(1);
        return ours;
      },
      { attempts: 120 },
    );
    await app.close();
    expect(JSON.parse(letters[0].value)).toMatchObject({ n: 32, poison: true });
    expect(letters[0]).toMatchObject({ originalTopic: topic, attempts: 2 });
    expect(calls[0]).toBe(5);
  }, 120_000);
});
