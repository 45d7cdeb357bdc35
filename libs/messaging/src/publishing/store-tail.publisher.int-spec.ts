import { randomUUID } from 'node:crypto';
import { migrate, PostgresEventStore } from '@vax/event-sourcing';
import { createTestDatabase, eventually, testInfrastructure, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { Inbox } from '../inbox/inbox';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { FixtureProcess } from '../testing/fixture-process';
import { createTopic, messageCount, testKafka } from '../testing/kafka-test.helpers';

const EVENTS = 300;

describe('the store-tail publisher, SIGKILLed between the Kafka acknowledgement and its checkpoint', () => {
  const kafka = testKafka();
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('publisher_kill');
    pool = new Pool({ connectionString: db.url });
    const store = new PostgresEventStore(pool);
    await store.migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
    await pool.query('create table applied (message_id uuid not null, n int not null)');
    for (let s = 0; s < 30; s++) {
      const events = Array.from({ length: EVENTS / 30 }, (_, i) => ({
        id: uuidv7(),
        type: 'Counted',
        schemaVersion: 1,
        data: { n: s * 10 + i },
        metadata: {
          correlationId: randomUUID(),
          causationId: null,
          actor: { id: 'a', role: 'r', scope: 's' },
          occurredAt: new Date(),
        },
      }));
      await store.append(`counter-${s}`, events, 'no_stream');
    }
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('republishes after restart: nothing missing downstream, duplicates absorbed, each aggregate in order', async () => {
    const topic = await createTopic(kafka, 'publisher-kill', 3);
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
      TOPIC: topic,
      BATCH_SIZE: '50',
    };

    const killed = new FixtureProcess('publisher', { ...env, KILL_AFTER_ACKS: '3' });
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Batches are at most 50, but fewer when another transaction on the cluster holds the commit
    // horizon back (CI runs other suites beside this one), so what went twice is what the killed
    // publisher reported, not an assumed batch size: acknowledged by Kafka minus checkpointed.
    const report = await eventually(async () => {
      const found = /acknowledged (\d+) checkpointed (\d+)/.exec(killed.output);
      if (!found) throw new Error(`no report from the killed publisher yet: ${killed.output}`);
      return { acknowledged: Number(found[1]), checkpointed: Number(found[2]) };
    });
    const republished = report.acknowledged - report.checkpointed;
    expect(republished).toBeGreaterThan(0);
    expect(republished).toBeLessThanOrEqual(50);
    expect(await eventsUpTo(pool, await new CheckpointStore(pool).load(`publisher:${topic}`))).toBe(
      report.checkpointed,
    );
    await eventually(async () => {
      const held = await messageCount(kafka, topic);
      if (held !== report.acknowledged) throw new Error(`Kafka holds ${held}, ${report.acknowledged} acknowledged`);
    });

    const restarted = new FixtureProcess('publisher', env);
    expect(await restarted.exited).toMatchObject({ code: 0 });
    await eventually(async () => {
      const held = await messageCount(kafka, topic);
      if (held !== EVENTS + republished) throw new Error(`Kafka holds ${held}, expected ${EVENTS + republished}`);
    });

    const inbox = new Inbox(pool, 'publisher-kill-test');
    const outcomes = { applied: 0, 'already-applied': 0 };
    const appliedOrder = new Map<string, number[]>();
    const consumer = kafka.consumer({ groupId: `publisher-kill-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const parsed = JSON.parse(message.value!.toString()) as { eventId: string; payload: { n: number } };
        const key = message.key!.toString();
        const outcome = await inbox.runOnce(parsed.eventId, async (tx) => {
          await tx.query('insert into applied (message_id, n) values ($1, $2)', [parsed.eventId, parsed.payload.n]);
          appliedOrder.set(key, [...(appliedOrder.get(key) ?? []), parsed.payload.n]);
        });
        outcomes[outcome] += 1;
      },
    });
    // Consuming is at least once too (kafkajs delivers again after a rebalance), so wait for every
    // event applied and every copy seen, not for a count of deliveries.
    await eventually(async () => {
      if (outcomes.applied < EVENTS || outcomes.applied + outcomes['already-applied'] < EVENTS + republished)
        throw new Error('still consuming');
    });
    await consumer.disconnect();

    expect(outcomes.applied).toBe(EVENTS);
    expect(outcomes['already-applied']).toBeGreaterThanOrEqual(republished);
    const { rows } = await pool.query(
      'select count(*)::int as total, count(distinct n)::int as distinct_n from applied',
    );
    expect(rows[0]).toEqual({ total: EVENTS, distinct_n: EVENTS });
    expect(appliedOrder.size).toBe(30);
    for (const ns of appliedOrder.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
  }, 120_000);
});

/** How many stored events lie at or before a publisher's checkpoint (global order: txid, position). */
async function eventsUpTo(pool: Pool, checkpoint: string | undefined): Promise<number> {
  if (checkpoint === undefined) return 0;
  const [txid, position] = checkpoint.split(':');
  const { rows } = await pool.query<{ n: number }>(
    'select count(*)::int as n from es_events where (transaction_id, global_position) <= ($1::xid8, $2::bigint)',
    [txid, position],
  );
  return rows[0].n;
}
