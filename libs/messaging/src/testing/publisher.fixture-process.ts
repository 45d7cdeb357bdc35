/**
 * A publisher as its own process, for crash tests: tails the store in DATABASE_URL to TOPIC and exits
 * when caught up. With KILL_AFTER_ACKS=n it SIGKILLs itself after the n-th acknowledged batch, before
 * the checkpoint moves: the worst moment for an at-least-once publisher.
 */
import { writeSync } from 'node:fs';
import { PostgresEventStore, type RecordedEvent } from '@vax/event-sourcing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { KafkaMessageSink } from '../publishing/kafka.message-sink';
import { outgoing } from '../publishing/public-message.mapping';
import { StoreTailPublisher } from '../publishing/store-tail.publisher';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  const kafka = new Kafka({
    clientId: 'publisher-fixture',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: logLevel.ERROR,
  });
  const sink = new KafkaMessageSink(kafka);
  let acks = 0;
  let acknowledgedEvents = 0;
  const publisher = new StoreTailPublisher(new PostgresEventStore(pool), new CheckpointStore(pool), sink, {
    name: `publisher:${env.TOPIC}`,
    batchSize: Number(env.BATCH_SIZE ?? 50),
    toMessage: (e: RecordedEvent) => outgoing(env.TOPIC, e, e.type, e.stream, e.data as object),
    afterAcknowledged: (batch) => {
      acks += 1;
      acknowledgedEvents += batch.length;
      if (String(acks) !== env.KILL_AFTER_ACKS) return;
      // Written synchronously before dying: what Kafka holds, and what the checkpoint covers.
      writeSync(1, `acknowledged ${acknowledgedEvents} checkpointed ${acknowledgedEvents - batch.length}\n`);
      process.kill(process.pid, 'SIGKILL');
    },
  });
  const published = await publisher.publishPending();
  process.stdout.write(`caught up after ${published} events\n`);
  await sink.close();
  await pool.end();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
