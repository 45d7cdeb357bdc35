/**
 * Stored event → Kafka → consumer, through the store-tail publisher, against a raw kafkajs producer
 * and consumer (acks=-1) on the same broker, side by side in one run:
 *   - drain: N events already stored (or ready to send), time until the consumer has them all;
 *   - paced: a steady RATE of events for SECONDS, lag from append (or send) to consumption.
 *   npm run bench:pipeline    (BENCH_EVENTS=20000 BENCH_RATE=1000 BENCH_SECONDS=10)
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, migrate, type NewEvent, type RecordedEvent } from '@vax/event-sourcing';
import {
  CheckpointStore,
  KafkaMessageSink,
  MESSAGING_MIGRATIONS,
  StoreTailPublisher,
  type OutgoingMessage,
  outgoing,
} from '@vax/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { KAFKA_BROKERS, fmt, freshDatabase, machine, percentile, runBenchmark } from './bench-support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const actor = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
const kafka = new Kafka({ clientId: 'bench', brokers: KAFKA_BROKERS, logLevel: logLevel.ERROR });

const payload = (i: number) => ({
  personId: `p-${i % 5000}`,
  dose: 1 + (i % 3),
  vaccine: 'AZD1222',
  lot: 'ABV5811',
  site: 'LC-TD-01',
  sentAt: Date.now(),
});
const newEvent = (i: number): NewEvent => ({
  id: uuidv7(),
  type: 'DoseRecorded',
  schemaVersion: 1,
  data: payload(i),
  metadata: { correlationId: randomUUID(), causationId: null, actor, occurredAt: new Date() },
});
const toMessage =
  (topic: string) =>
  (e: RecordedEvent): OutgoingMessage =>
    outgoing(topic, e, e.type, e.stream, e.data as object);

async function createTopic(): Promise<string> {
  const topic = `bench.pipeline-${randomUUID().slice(0, 8)}.v1`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 6, replicationFactor: 1 }] });
  await admin.disconnect();
  return topic;
}

/** Consumes until `expected` messages arrived; lag per message from payload.sentAt. */
async function consume(topic: string, expected: number) {
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const lags: number[] = [];
  const ids = new Set<string>();
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        const v = JSON.parse(m.value!.toString()) as {
          eventId?: string;
          payload?: { sentAt: number };
          sentAt?: number;
        };
        ids.add(v.eventId ?? m.offset + ':' + batch.partition);
        lags.push(now - (v.payload?.sentAt ?? v.sentAt ?? now));
      }
      if (ids.size >= expected) resolveDone();
    },
  });
  return { done, lags, stop: () => consumer.disconnect() };
}

async function drainOurs(pool: Pool, store: PostgresEventStore) {
  for (let i = 0; i < EVENTS; i += 100) {
    await store.append(
      `record-${randomUUID()}`,
      Array.from({ length: 100 }, (_, j) => newEvent(i + j)),
      'no_stream',
    );
  }
  const topic = await createTopic();
  const consumer = await consume(topic, EVENTS);
  const sink = new KafkaMessageSink(kafka);
  const publisher = new StoreTailPublisher(store, new CheckpointStore(pool), sink, {
    name: `bench-${topic}`,
    toMessage: toMessage(topic),
    batchSize: 500,
  });
  const t0 = performance.now();
  await publisher.publishPending();
  await consumer.done;
  const seconds = (performance.now() - t0) / 1000;
  await consumer.stop();
  await sink.close();
  return EVENTS / seconds;
}

async function drainRaw() {
  const topic = await createTopic();
  const consumer = await consume(topic, EVENTS);
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
  await producer.connect();
  const t0 = performance.now();
  for (let i = 0; i < EVENTS; i += 500) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 500 }, (_, j) => ({
        key: `record-${(i + j) % 200}`,
        value: JSON.stringify({ eventId: randomUUID(), payload: payload(i + j) }),
      })),
    });
  }
  await consumer.done;
  const seconds = (performance.now() - t0) / 1000;
  await consumer.stop();
  await producer.disconnect();
  return EVENTS / seconds;
}

/** A steady rate in ticks of 10 ms; returns lag percentiles. */
async function paced(send: (batch: number, tick: number) => Promise<void>, expectedTotal: number, topic: string) {
  const consumer = await consume(topic, expectedTotal);
  const perTick = Math.max(1, Math.round(RATE / 100));
  const start = performance.now();
  for (let tick = 0; tick < SECONDS * 100; tick++) {
    await send(perTick, tick);
    const next = start + (tick + 1) * 10;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  await consumer.done;
  await consumer.stop();
  const lags = consumer.lags.sort((a, b) => a - b);
  return {
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    achieved: expectedTotal / ((performance.now() - start) / 1000),
  };
}

async function main(): Promise<void> {
  const db = await freshDatabase('pipeline');
  const pool = new Pool({ connectionString: db.url, max: 10 });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  await migrate(pool, MESSAGING_MIGRATIONS);
  console.log(`# Stored event → Kafka → consumer — ${machine()}, Kafka 3.9.1 (one local broker), acks=-1`);

  const rawDrain = await drainRaw();
  const oursDrain = await drainOurs(pool, store);
  console.log(`\n## Drain of ${fmt(EVENTS)} events`);
  console.log('| path | events/s | ratio to raw |\n|---|---:|---:|');
  console.log(`| raw kafkajs producer → consumer | ${fmt(rawDrain)} | 1.00 |`);
  console.log(`| event store → publisher → Kafka → consumer | ${fmt(oursDrain)} | ${fmt(oursDrain / rawDrain, 2)} |`);

  const total = Math.max(1, Math.round(RATE / 100)) * SECONDS * 100;
  const rawTopic = await createTopic();
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 1 });
  await producer.connect();
  const raw = await paced(
    async (n, tick) => {
      await producer.send({
        topic: rawTopic,
        acks: -1,
        messages: Array.from({ length: n }, (_, j) => ({
          key: `record-${(tick * n + j) % 200}`,
          value: JSON.stringify({ eventId: randomUUID(), payload: payload(j) }),
        })),
      });
    },
    total,
    rawTopic,
  );
  await producer.disconnect();

  // A store of its own: the drain's events must not be published again to the paced topic.
  const pacedDb = await freshDatabase('paced');
  const pacedPool = new Pool({ connectionString: pacedDb.url, max: 10 });
  const pacedStore = new PostgresEventStore(pacedPool);
  await pacedStore.migrate();
  await migrate(pacedPool, MESSAGING_MIGRATIONS);
  const oursTopic = await createTopic();
  const sink = new KafkaMessageSink(kafka);
  const publisher = new StoreTailPublisher(pacedStore, new CheckpointStore(pacedPool), sink, {
    name: `paced-${oursTopic}`,
    toMessage: toMessage(oursTopic),
    batchSize: 500,
  });
  const running = publisher.run();
  const ours = await paced(
    async (n, tick) => {
      await pacedStore.append(
        `paced-${tick % 200}-${randomUUID()}`,
        Array.from({ length: n }, (_, j) => newEvent(j)),
        'no_stream',
      );
    },
    total,
    oursTopic,
  );
  publisher.stop();
  await running;
  await sink.close();

  console.log(
    `\n## Paced: ${fmt(RATE)} events/s for ${SECONDS} s (publisher looks for new events every 25 ms when idle)`,
  );
  console.log('| path | achieved events/s | lag p50 ms | lag p99 ms |\n|---|---:|---:|---:|');
  console.log(`| raw kafkajs producer → consumer | ${fmt(raw.achieved)} | ${fmt(raw.p50)} | ${fmt(raw.p99)} |`);
  console.log(
    `| event store → publisher → Kafka → consumer | ${fmt(ours.achieved)} | ${fmt(ours.p50)} | ${fmt(ours.p99)} |`,
  );
  await Promise.all([pool.end(), pacedPool.end()]);
  await Promise.all([db.drop(), pacedDb.drop()]);
}

runBenchmark(main);
