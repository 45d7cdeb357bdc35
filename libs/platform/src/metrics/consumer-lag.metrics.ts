import { DEAD_LETTER_TOPIC, busStream } from '@vax/messaging';
import type { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { kafkaFor } from '../kafka/kafka.tokens';
import type { ConsumerSettings } from '../bootstrap/consumer-transport';

/** Beyond this a lag is "very far behind" and counting further only costs the database. */
const LAG_COUNT_CAP = 100_000;

interface Reading {
  lags: { topic: string; partition: string; behind: number }[];
  deadLetters: { group: string; count: number }[];
}

/**
 * A consumer's lag and dead letters at /metrics, read at each scrape from where the transport keeps
 * them: on Kafka the group's committed offsets against each partition's end (per topic and partition)
 * and the dead-letter topic's size (one topic for every group: its total, as group "all"); on the
 * embedded bus the events after the subscriber's checkpoint and its dead-letter stream.
 */
export function watchConsumer(registry: Registry, group: string, settings: ConsumerSettings): () => Promise<void> {
  const { read, close } =
    settings.MESSAGE_TRANSPORT === 'embedded'
      ? embeddedReader(settings.BUS_DATABASE_URL!, group)
      : kafkaReader(kafkaFor(`${group}-metrics`, settings.KAFKA_BROKERS ?? []), group);
  // prom-client collects gauges concurrently: both await one reading per scrape.
  let pending: Promise<Reading> | undefined;
  const reading = () =>
    (pending ??= read()
      .catch((): Reading => ({ lags: [], deadLetters: [] })) // a broker away: missing series
      .finally(() => setTimeout(() => (pending = undefined), 1_000).unref()));
  new Gauge({
    name: 'messaging_consumer_lag',
    help: 'Messages not yet consumed by the group, per topic and partition (embedded: the whole bus)',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { topic, partition, behind } of (await reading()).lags) this.set({ group, topic, partition }, behind);
    },
  });
  new Gauge({
    name: 'messaging_dead_letters',
    help: 'Messages dead-lettered and not yet replayed (Kafka: the whole dead-letter topic, group "all")',
    labelNames: ['group'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const letters of (await reading()).deadLetters) this.set({ group: letters.group }, letters.count);
    },
  });
  return close;
}

interface Reader {
  read(): Promise<Reading>;
  close(): Promise<void>;
}

function kafkaReader(kafka: Kafka, group: string): Reader {
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  const read = async (): Promise<Reading> => {
    connected ??= admin.connect().catch((error: unknown) => ((connected = undefined), Promise.reject(error)));
    await connected;
    const lags: Reading['lags'] = [];
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group })) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
      for (const { partition, offset } of partitions) {
        const committed = BigInt(offset) < 0n ? 0n : BigInt(offset);
        const behind = (ends.get(partition) ?? committed) - committed;
        lags.push({ topic, partition: String(partition), behind: Number(behind) });
      }
    }
    const letters = await admin.fetchTopicOffsets(DEAD_LETTER_TOPIC);
    const count = letters.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    return { lags, deadLetters: [{ group: 'all', count }] };
  };
  return { read, close: async () => void (connected && (await admin.disconnect().catch(() => undefined))) };
}

function embeddedReader(busUrl: string, group: string): Reader {
  const pool = new Pool({ connectionString: busUrl, max: 1, application_name: `${group}-metrics` });
  pool.on('error', () => undefined); // an idle connection cut: the next scrape opens another
  const read = async (): Promise<Reading> => {
    const { rows } = await pool.query<{ behind: string; letters: string }>(
      `select (select count(*) from (select 1 from es_events where global_position >
                coalesce((select split_part(checkpoint, ':', 2)::bigint from subscription_checkpoints
                          where name = $1), 0) limit ${LAG_COUNT_CAP}) ahead) as behind,
              (select count(*) from es_events where stream_name = $2) as letters`,
      [`embedded:${group}`, busStream(DEAD_LETTER_TOPIC, group)],
    );
    return {
      lags: [{ topic: 'all', partition: 'bus', behind: Number(rows[0].behind) }],
      deadLetters: [{ group, count: Number(rows[0].letters) }],
    };
  };
  return { read, close: () => pool.end() };
}
