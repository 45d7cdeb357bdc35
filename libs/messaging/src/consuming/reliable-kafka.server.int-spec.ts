import { randomUUID } from 'node:crypto';
import { migrate } from '@vax/event-sourcing';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase } from '@vax/testing';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { readDeadLetters, replayDeadLetter } from '../dead-letters/dead-letter.reader';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { FixtureProcess } from '../testing/fixture-process';
import { createTopic, testKafka } from '../testing/kafka-test.helpers';

const actor = { id: 'staff-1', role: 'site-staff', scope: 'site:1' };
const message = (n: number, extra: object = {}) => ({
  eventId: randomUUID(),
  type: 'Counted',
  aggregateId: `agg-${n % 7}`,
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor,
  payload: { n, ...extra },
});

async function produce(kafka: Kafka, topic: string, values: (object | string)[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({
    topic,
    acks: -1,
    messages: values.map((v, i) => ({ key: `k-${i % 5}`, value: typeof v === 'string' ? v : JSON.stringify(v) })),
  });
  await producer.disconnect();
}

describe('consuming with the ReliableKafkaServer (real Kafka and PostgreSQL, consumer as its own process)', () => {
  const kafka = testKafka();
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('consumer');
    pool = new Pool({ connectionString: db.url });
    await migrate(pool, MESSAGING_MIGRATIONS);
    await pool.query('create table applied_messages (message_id uuid not null, n int not null)');
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const appliedCount = async () =>
    (
      await pool.query(
        'select count(*)::int as total, count(distinct message_id)::int as distinct_ids from applied_messages',
      )
    ).rows[0] as { total: number; distinct_ids: number };

  const consumerEnv = (topic: string) => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
    TOPIC: topic,
    GROUP_ID: `consumer-test-${randomUUID()}`,
  });

  it('killed mid-batch and restarted, ends with exactly the messages produced', async () => {
    await pool.query('truncate applied_messages');
    const topic = await createTopic(kafka, 'consumer-kill', 2);
    await produce(
      kafka,
      topic,
      Array.from({ length: 200 }, (_, n) => message(n)),
    );
    const env = consumerEnv(topic);

    const killed = new FixtureProcess('consumer', { ...env, KILL_AFTER_MESSAGES: '70' });
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await appliedCount()).total).toBe(70);

    const restarted = new FixtureProcess('consumer', env);
    try {
      await eventually(
        async () => {
          if ((await appliedCount()).total < 200) throw new Error('still consuming');
        },
        { attempts: 240 },
      );
      // Give redeliveries of the killed batch every chance to be applied twice; the inbox refuses them.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await appliedCount()).toEqual({ total: 200, distinct_ids: 200 });
    } finally {
      await restarted.stop();
    }
  }, 120_000);

  it('sends a poison message to the dead-letter topic with its error, and the partition keeps flowing', async () => {
    await pool.query('truncate applied_messages');
    const topic = await createTopic(kafka, 'poison', 1);
    await produce(kafka, topic, [
      message(1),
      '{"this is": not json',
      message(2, { alwaysFails: true }),
      { ...message(3), eventId: 'not-a-uuid' },
      message(4),
      message(5),
    ]);
    const consumer = new FixtureProcess('consumer', consumerEnv(topic));
    try {
      await eventually(async () => {
        if ((await appliedCount()).total < 3) throw new Error('still consuming');
      });
      const letters = await eventually(async () => {
        const found = (await readDeadLetters(kafka)).filter((l) => l.originalTopic === topic);
        if (found.length < 3) throw new Error(`only ${found.length} dead letters so far`);
        return found;
      });
      const byOffset = Object.fromEntries(letters.map((l) => [l.originalOffset, l]));
      expect(byOffset['1']).toMatchObject({ attempts: 1, error: expect.stringContaining('InvalidMessageError') });
      expect(byOffset['1'].value).toBe('{"this is": not json');
      expect(byOffset['2']).toMatchObject({ attempts: 3, error: expect.stringContaining('cannot apply message 2') });
      expect(byOffset['3']).toMatchObject({ attempts: 1, error: expect.stringContaining('eventId (isUuid)') });
      const { rows } = await pool.query('select n from applied_messages order by n');
      expect(rows.map((r: { n: number }) => r.n)).toEqual([1, 4, 5]);

      // The operator replays the letter of message 1 (invalid JSON): it is back on its topic, with
      // its origin marked, and the consumer dead-letters it again rather than losing it.
      await replayDeadLetter(kafka, byOffset['1']);
      const again = await eventually(async () => {
        const found = (await readDeadLetters(kafka)).filter((l) => l.headers['dlq-replayed-from'] === byOffset['1'].id);
        if (found.length === 0) throw new Error('replayed letter not dead-lettered again yet');
        return found[0];
      });
      expect(again).toMatchObject({ originalTopic: topic, originalOffset: '6', value: '{"this is": not json' });
    } finally {
      await consumer.stop();
    }
  }, 120_000);
});
