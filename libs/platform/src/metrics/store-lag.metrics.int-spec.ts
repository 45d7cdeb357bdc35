import { randomUUID } from 'node:crypto';
import { PostgresEventStore, migrate } from '@vax/event-sourcing';
import { CheckpointStore, DEAD_LETTER_TOPIC, MESSAGING_MIGRATIONS, busStream } from '@vax/messaging';
import { type TestDatabase, createTestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { watchConsumer } from './consumer-lag.metrics';
import { watchStoreReaders } from './store-readers.metrics';

const actor = { id: 'test', role: 'system', scope: 'system' };
const event = (type: string) => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  metadata: { correlationId: randomUUID(), causationId: null, actor, occurredAt: new Date() },
});

/** The values of one metric in Prometheus's text format, by their labels. */
async function values(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
  const entries = (metric?.values ?? []).map((v) => [JSON.stringify(v.labels), Number(v.value)] as const);
  return Object.fromEntries(entries);
}

describe('store and bus lag at /metrics (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('store_lag_metrics');
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new PostgresEventStore(pool);
    await store.migrate();
    await migrate(pool, MESSAGING_MIGRATIONS);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  // Checkpoints as the store writes them ("<transaction>:<position>"), without waiting for the
  // commit-safe horizon, which other work on a shared server can hold back.
  const positions = async () =>
    (
      await pool.query<{ c: string }>(`select '0:' || global_position as c from es_events order by global_position`)
    ).rows.map((r) => r.c);

  it("counts the events after each reader's checkpoint, by reader and kind", async () => {
    for (let i = 0; i < 5; i++) await store.append(`record-${i}`, [event('DoseRecorded')], 'no_stream');
    const all = await positions();
    const checkpoints = new CheckpointStore(pool);
    await checkpoints.save('publisher:injections', all[1]); // 3 events behind
    await checkpoints.save('projection:dose_counts', all[4]); // caught up
    const registry = new Registry();
    watchStoreReaders(registry, pool);

    expect(await values(registry, 'eventstore_reader_lag_events')).toEqual({
      '{"reader":"publisher:injections","kind":"publisher"}': 3,
      '{"reader":"projection:dose_counts","kind":"projection"}': 0,
    });
  });

  it("reads an embedded subscriber's lag behind the bus and its dead letters", async () => {
    const bus = await positions();
    await new CheckpointStore(pool).save('embedded:certification', bus[bus.length - 2]);
    await store.append(busStream(DEAD_LETTER_TOPIC, 'certification'), [event('DeadLetter')], 'any');
    const registry = new Registry();
    const close = watchConsumer(registry, 'certification', {
      MESSAGE_TRANSPORT: 'embedded',
      BUS_DATABASE_URL: db.url,
    });

    // The last stored event and the dead letter appended since are after the checkpoint.
    expect(await values(registry, 'messaging_consumer_lag')).toEqual({
      '{"group":"certification","topic":"all","partition":"bus"}': 2,
    });
    expect(await values(registry, 'messaging_dead_letters')).toEqual({ '{"group":"certification"}': 1 });
    await close();
  });
});
