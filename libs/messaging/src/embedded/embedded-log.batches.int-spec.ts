import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PublicMessage } from '@vax/contracts';
import { PostgresEventStore } from '@vax/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase } from '@vax/testing';
import { Pool } from 'pg';
import { BatchEventPattern } from '../consuming/batch-event-pattern';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { RethrowRpcExceptionsFilter } from '../consuming/rethrow-rpc-exceptions.filter';
import { Inbox } from '../inbox/inbox';
import { EmbeddedBusSink, busStream } from './embedded-bus';
import { EmbeddedLogServer } from './embedded-log.server';

// A batch handler (BatchEventPattern) on the embedded transport: a page of its topic in one call,
// its effects applied once per message id (an inbox in one transaction), one checkpoint per batch.

const BATCHED = 'test.batched.v1';
const SINGLE = 'test.single.v1';
const calls: { topic: string; size: number }[] = [];
let pool: Pool;

type Payload_ = { n: number; poison?: boolean };

@Controller()
class Recorder {
  @BatchEventPattern(BATCHED)
  async onBatch(@Payload() messages: PublicMessage<Payload_>[]) {
    calls.push({ topic: BATCHED, size: messages.length });
    if (messages.some((m) => m.payload.poison)) throw new Error('a message no handler can take');
    await new Inbox(pool, 'batcher').runOnceEach(
      messages.map((m) => m.eventId),
      async (tx, fresh) => {
        const applied = messages.filter((m) => fresh.has(m.eventId)).map((m) => m.payload.n);
        await tx.query('insert into effects (n) select unnest($1::int[])', [applied]);
      },
    );
  }

  @EventPattern(SINGLE)
  onSingle(@Payload() message: PublicMessage<Payload_>) {
    calls.push({ topic: SINGLE, size: Array.isArray(message) ? message.length : 1 });
  }
}

@Module({ controllers: [Recorder] })
class RecorderModule {}

const message = (n: number, poison = false): PublicMessage<Payload_> => ({
  eventId: randomUUID(),
  type: 'Counted',
  aggregateId: `key-${n % 7}`,
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'a', role: 'r', scope: 's' },
  payload: { n, poison },
});
const on = (topic: string, m: PublicMessage<Payload_>) => ({ topic, key: m.aggregateId, message: m });

describe('the embedded transport hands a batch handler its messages together', () => {
  let db: TestDatabase;
  let sink: EmbeddedBusSink;
  let bus: PostgresEventStore;

  const start = async (): Promise<INestMicroservice> => {
    const app = await NestFactory.createMicroservice(RecorderModule, {
      logger: false,
      strategy: new EmbeddedLogServer({
        busUrl: db.url,
        subscriber: 'batcher',
        retryPolicy: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
      }),
    });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
    return app;
  };
  const effects = async () =>
    (await pool.query<{ n: number }>('select n from effects order by n')).rows.map((r) => r.n);

  beforeAll(async () => {
    db = await createTestDatabase('embedded_batches');
    pool = new Pool({ connectionString: db.url, max: 4 });
    bus = new PostgresEventStore(pool);
    await bus.migrate();
    sink = new EmbeddedBusSink(bus);
    await pool.query('create table effects (n int not null)');
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('delivers a page of the topic in one call, others one by one; a redelivered batch applies nothing twice', async () => {
    const first = Array.from({ length: 30 }, (_, i) => message(i));
    await sink.publish([
      ...first.slice(0, 10).map((m) => on(BATCHED, m)),
      on('test.someone-else.v1', message(900)),
      ...first.slice(10).map((m) => on(BATCHED, m)),
    ]);
    const app = await start();
    await eventually(async () => expect(await effects()).toHaveLength(30));
    expect(calls).toEqual([{ topic: BATCHED, size: 30 }]);

    await sink.publish([on(SINGLE, message(100)), on(SINGLE, message(101))]);
    await eventually(async () => expect(calls.filter((c) => c.topic === SINGLE)).toHaveLength(2));
    expect(calls.filter((c) => c.topic === SINGLE).every((c) => c.size === 1)).toBe(true);
    await app.close();

    // As after a crash between the effects and the checkpoint: everything comes again.
    await pool.query(`delete from subscription_checkpoints where name like 'embedded:batcher%'`);
    calls.length = 0;
    const again = await start();
    await eventually(async () => expect(calls.filter((c) => c.topic === SINGLE)).toHaveLength(2));
    await again.close();
    expect(calls.filter((c) => c.topic === BATCHED).reduce((n, c) => n + c.size, 0)).toBe(30);
    expect(await effects()).toEqual([...Array(30).keys()]);
  }, 60_000);

  it('dead-letters a poison message of a batch and records its neighbours, each once', async () => {
    await pool.query('truncate effects');
    calls.length = 0;
    const app = await start();
    await sink.publish([40, 41, 42, 43, 44].map((n) => on(BATCHED, message(n, n === 42))));
    await eventually(async () => expect(await effects()).toEqual([40, 41, 43, 44]));
    const letters = await eventually(async () => {
      const read = await bus.readStream(busStream(DEAD_LETTER_TOPIC, 'batcher'));
      expect(read).toHaveLength(1);
      return read;
    });
    await app.close();
    expect(letters[0].data).toMatchObject({
      topic: BATCHED,
      attempts: 2,
      original: { payload: { n: 42 } },
      error: expect.stringContaining('no handler can take'),
    });
    expect(calls[0].size).toBe(5); // the batch, then one by one (the poison twice)
    expect(calls.slice(1).map((c) => c.size)).toEqual([1, 1, 1, 1, 1, 1]);
  }, 60_000);
});
