import { randomUUID } from 'node:crypto';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { PublicMessage } from '@vax/contracts';
import { PostgresEventStore } from '@vax/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase, testInfrastructure } from '@vax/testing';
import { Pool } from 'pg';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { RethrowRpcExceptionsFilter } from '../consuming/rethrow-rpc-exceptions.filter';
import { EmbeddedBusSink, busStream } from './embedded-bus';
import { EmbeddedLogServer } from './embedded-log.server';

const TOPIC = 'test.embedded.v1';
const received: number[] = [];

@Controller()
class Recorder {
  @EventPattern(TOPIC)
  onMessage(@Payload() message: PublicMessage<{ n: number; fails?: boolean }>) {
    if (message.payload.fails) throw new Error(`handler cannot take ${message.payload.n}`);
    received.push(message.payload.n);
  }
}

@Module({ controllers: [Recorder] })
class RecorderModule {}

const message = (n: number, fails = false): PublicMessage => ({
  eventId: randomUUID(),
  type: 'Counted',
  aggregateId: `agg-${n % 3}`,
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'a', role: 'r', scope: 's' },
  payload: { n, fails },
});

describe('the embedded transport: the same @EventPattern handlers, delivered from the durable bus log', () => {
  let db: TestDatabase;
  let pool: Pool;
  let sink: EmbeddedBusSink;

  const start = async (): Promise<INestMicroservice> => {
    const app = await NestFactory.createMicroservice(RecorderModule, {
      logger: false,
      strategy: new EmbeddedLogServer({
        busUrl: db.url,
        subscriber: 'recorder',
        retryPolicy: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
      }),
    });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
    return app;
  };

  beforeAll(async () => {
    db = await createTestDatabase('embedded_bus');
    pool = new Pool({ connectionString: db.url });
    const bus = new PostgresEventStore(pool);
    await bus.migrate();
    sink = new EmbeddedBusSink(bus);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('delivers in order, dead-letters a failing message, and resumes after a restart where it stopped', async () => {
    const publish = (ns: number[], fails: number[] = []) =>
      sink.publish(ns.map((n) => ({ topic: TOPIC, key: `agg-${n % 3}`, message: message(n, fails.includes(n)) })));

    const first = await start();
    await publish([1, 2, 3], [2]);
    await publish([4]);
    await sink.publish([{ topic: 'test.other-context.v1', key: 'x', message: message(99) }]);
    await eventually(async () => expect(received).toEqual([1, 3, 4]));
    await first.close();

    await publish([5, 6]);
    const second = await start();
    await eventually(async () => expect(received).toEqual([1, 3, 4, 5, 6]));
    await second.close();

    const bus = new PostgresEventStore(pool);
    const letters = await bus.readStream(busStream(DEAD_LETTER_TOPIC, 'recorder'));
    expect(letters).toHaveLength(1);
    expect(letters[0].data).toMatchObject({
      topic: TOPIC,
      subscriber: 'recorder',
      attempts: 2,
      error: expect.stringContaining('handler cannot take 2'),
    });
  }, 60_000);

  it('keeps delivering after the bus was away (connections cut, new ones refused), from where it stopped', async () => {
    const publish = (ns: number[]) =>
      sink.publish(ns.map((n) => ({ topic: TOPIC, key: `agg-${n % 3}`, message: message(n) })));
    const app = await start();
    await publish([7]);
    await eventually(async () => expect(received).toContain(7));
    const name = new URL(db.url).pathname.slice(1);
    const admin = new Pool({ connectionString: testInfrastructure().postgresAdminUrl, max: 1 });
    try {
      // What a restart of the server looks like to the consumer: 57P01 on its connections, then refusals.
      await admin.query(`alter database "${name}" with allow_connections false`);
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'recorder-consumer'",
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // the outage: polls meet refused connections
    } finally {
      await admin.query(`alter database "${name}" with allow_connections true`);
      await admin.end();
    }
    await publish([8]);
    await eventually(async () => expect(received.slice(-2)).toEqual([7, 8]), { attempts: 200 });
    await app.close();
  }, 60_000);
});
