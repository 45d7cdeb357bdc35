import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PublicMessage } from '@vax/contracts';
import { PostgresEventStore } from '@vax/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { RethrowRpcExceptionsFilter } from '../consuming/rethrow-rpc-exceptions.filter';
import { bucketOfStream } from './bus-buckets';
import { EmbeddedBusSink, busStream } from './embedded-bus';
import { EmbeddedLogServer } from './embedded-log.server';

// The embedded transport as a consumer group: buckets of keys leased to live instances in the bus
// database. One instance read everything from one checkpoint before, so two applied each message
// twice, and a transient failure held back every key behind it.

const TOPIC = 'test.buckets.v1';
type Applied = { instance: string; key: string; n: number; eventId: string };
const applied: Applied[] = [];
let outage = false;
let failures = 0;
/** Holds instance 'holder' on key 'held' until released: a message in hand, as a SIGKILL would find it. */
let holding: { entered: boolean; released: Promise<void> } | undefined;

function applierModule(instance: string) {
  @Controller()
  class Applier {
    @EventPattern(TOPIC)
    async onMessage(@Payload() message: PublicMessage<{ key: string; n: number }>) {
      const { key, n } = message.payload;
      if (key === 'held' && instance === 'holder' && holding) {
        holding.entered = true;
        await holding.released;
      }
      if (key === 'stuck' && outage) {
        failures++;
        throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      }
      applied.push({ instance, key, n, eventId: message.eventId });
    }
  }
  @Module({ controllers: [Applier] })
  class ApplierModule {}
  return ApplierModule;
}

const message = (key: string, n: number): PublicMessage => ({
  eventId: randomUUID(),
  type: 'Counted',
  aggregateId: key,
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'a', role: 'r', scope: 's' },
  payload: { key, n },
});

describe('the embedded transport shares a subscriber between instances, by buckets of keys', () => {
  let db: TestDatabase;
  let pool: Pool;
  let sink: EmbeddedBusSink;
  const apps: INestMicroservice[] = [];

  const start = async (subscriber: string, instance: string, leaseMs = 2_000) => {
    const server = new EmbeddedLogServer({
      busUrl: db.url,
      subscriber,
      leaseMs,
      retryPolicy: { maxAttempts: 2, initialDelayMs: 20, maxDelayMs: 20, maxTransientDelayMs: 200 },
    });
    const app = await NestFactory.createMicroservice(applierModule(instance), { logger: false, strategy: server });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
    apps.push(app);
    return server;
  };
  const publish = (items: [string, number][]) =>
    sink.publish(items.map(([key, n]) => ({ topic: TOPIC, key, message: message(key, n) })));
  const ns = (key: string) => applied.filter((a) => a.key === key).map((a) => a.n);

  const lowWaterMarkIsSlowestBucket = async (subscriber: string) => {
    const { rows } = await pool.query<{ name: string; checkpoint: string }>(
      'select name, checkpoint from subscription_checkpoints where name like $1',
      [`embedded:${subscriber}%`],
    );
    const own = rows.find((r) => r.name === `embedded:${subscriber}`)?.checkpoint;
    const buckets = rows.filter((r) => r.name !== `embedded:${subscriber}`).map((r) => r.checkpoint);
    const store = new PostgresEventStore(pool);
    const slowest = buckets.reduce((a, b) => (store.compareCheckpoints(a, b) <= 0 ? a : b));
    return buckets.length === 16 && own === slowest;
  };

  beforeAll(async () => {
    db = await createTestDatabase('embedded_buckets');
    pool = new Pool({ connectionString: db.url });
    await new PostgresEventStore(pool).migrate();
    sink = new EmbeddedBusSink(new PostgresEventStore(pool));
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await pool?.end();
    await db?.drop();
  });

  it('holds back only the bucket of a key failing transiently; the others flow; its order is kept; nothing dead-lettered', async () => {
    const server = await start('pause-group', 'solo');
    await eventually(async () => expect(server.heldBuckets()).toHaveLength(16));
    const stuckBucket = bucketOfStream(`${TOPIC}|stuck`, 16);
    const others = ['k1', 'k2', 'k3', 'k4', 'k5'].filter((k) => bucketOfStream(`${TOPIC}|${k}`, 16) !== stuckBucket);
    expect(others.length).toBeGreaterThanOrEqual(2);

    outage = true;
    await publish([['stuck', 1]]);
    await eventually(async () => expect(failures).toBeGreaterThanOrEqual(2));
    expect(server.waiting()).toEqual([expect.objectContaining({ partition: `bucket ${stuckBucket}` })]);
    await publish([['stuck', 2], ...others.map((k): [string, number] => [k, 1]), ['stuck', 3]]);
    await publish(others.map((k): [string, number] => [k, 2]));
    await eventually(async () => expect(others.map(ns)).toEqual(others.map(() => [1, 2])));
    expect(ns('stuck')).toEqual([]);
    expect(server.waiting()).toHaveLength(1);

    outage = false;
    await eventually(async () => expect(ns('stuck')).toEqual([1, 2, 3]));
    expect(server.waiting()).toEqual([]);
    const letters = await new PostgresEventStore(pool).readStream(busStream(DEAD_LETTER_TOPIC, 'pause-group'));
    expect(letters).toEqual([]);
    await apps.pop()!.close();
  }, 60_000);

  it('applies every message once across two instances, and the survivor takes a killed one’s buckets within the lease', async () => {
    // This subscriber is new: it reads the bus from the beginning, the first test's messages included.
    const earlier = applied.length;
    const leaseMs = 2_000;
    const a = await start('shared-group', 'a', leaseMs);
    await eventually(async () => expect(a.heldBuckets()).toHaveLength(16));
    const b = await start('shared-group', 'b', leaseMs);
    await eventually(async () => expect([a.heldBuckets().length, b.heldBuckets().length]).toEqual([8, 8]), {
      attempts: 100,
      intervalMs: 100,
    });
    expect([...a.heldBuckets(), ...b.heldBuckets()].sort((x, y) => x - y)).toEqual([...Array(16).keys()]);

    const keys = Array.from({ length: 40 }, (_, i) => `person-${i}`);
    for (let n = 1; n <= 5; n++) await publish(keys.map((k): [string, number] => [k, n]));
    await eventually(async () => expect(applied).toHaveLength(earlier * 2 + 200));
    expect(new Set(applied.map((x) => x.eventId)).size).toBe(earlier + 200);
    expect(new Set(applied.slice(earlier).map((x) => x.instance))).toEqual(new Set(['a', 'b']));
    for (const key of keys) expect(ns(key)).toEqual([1, 2, 3, 4, 5]);
    // The subscriber's own checkpoint follows its slowest bucket (lag metrics read it).
    await eventually(async () => expect(await lowWaterMarkIsSlowestBucket('shared-group')).toBe(true));
    expect(applied.slice(earlier).filter((x) => x.key === 'stuck')).toHaveLength(3);

    // What a SIGKILL leaves: a's leases stay in the database until they lapse.
    await a.close({ keepLeases: true });
    const killedAt = Date.now();
    for (let n = 6; n <= 8; n++) await publish(keys.map((k): [string, number] => [k, n]));
    await eventually(async () => expect(b.heldBuckets()).toHaveLength(16), { attempts: 200, intervalMs: 50 });
    const takeOverMs = Date.now() - killedAt;
    await eventually(async () => expect(applied).toHaveLength(earlier * 2 + 320));
    expect(new Set(applied.map((x) => x.eventId)).size).toBe(earlier + 320);
    for (const key of keys) expect(ns(key)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The lease, plus one heartbeat of the survivor to notice (a quarter of the lease), plus slack.
    expect(takeOverMs).toBeLessThan(leaseMs + leaseMs / 4 + 1_500);
    process.stderr.write(`embedded take-over after a kill: ${takeOverMs} ms (lease ${leaseMs} ms)\n`);
  }, 60_000);

  it('saves a bucket’s checkpoint only once its message’s handler has finished: a kill in hand redelivers it, never skips it', async () => {
    const server = await start('held-group', 'holder');
    await eventually(async () => expect(server.heldBuckets()).toHaveLength(16));
    let release!: () => void;
    holding = { entered: false, released: new Promise<void>((resolve) => (release = resolve)) };
    await publish([['held', 1]]);
    await eventually(async () => expect(holding!.entered).toBe(true));

    const store = new PostgresEventStore(pool);
    const [held] = await store.readStream(busStream(TOPIC, 'held'));
    const name = `embedded:held-group:${bucketOfStream(busStream(TOPIC, 'held'), 16)}/16`;
    const saved = async () =>
      (
        await pool.query<{ checkpoint: string }>('select checkpoint from subscription_checkpoints where name = $1', [
          name,
        ])
      ).rows[0]?.checkpoint;
    const whileInHand = await saved();
    expect(whileInHand === undefined || store.compareCheckpoints(whileInHand, held.checkpoint) < 0).toBe(true);

    release();
    await eventually(async () => expect(await saved()).toBe(held.checkpoint));
    expect(applied.filter((a) => a.instance === 'holder' && a.key === 'held')).toHaveLength(1);
    holding = undefined;
  }, 60_000);
});
