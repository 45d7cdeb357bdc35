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
import { EmbeddedBusSink, busStream } from './embedded-bus';
import { EmbeddedLogServer } from './embedded-log.server';

// A short outage must not dead-letter live traffic nor break a key's order: a handler whose database
// is away fails transiently many more times than the policy's attempts, then succeeds.

const TOPIC = 'test.transient.v1';
const applied: number[] = [];
let outageLeft = 0;

@Controller()
class Applier {
  @EventPattern(TOPIC)
  onMessage(@Payload() message: PublicMessage<{ n: number; permanent?: boolean }>) {
    if (message.payload.permanent) throw Object.assign(new Error('duplicate key value'), { code: '23505' });
    if (outageLeft > 0) {
      outageLeft--;
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    }
    applied.push(message.payload.n);
  }
}

@Module({ controllers: [Applier] })
class ApplierModule {}

const message = (n: number, permanent = false): PublicMessage => ({
  eventId: randomUUID(),
  type: 'Counted',
  aggregateId: 'person-1',
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'a', role: 'r', scope: 's' },
  payload: { n, permanent },
});

describe('the embedded transport through an outage', () => {
  let db: TestDatabase;
  let pool: Pool;
  let app: INestMicroservice;

  beforeAll(async () => {
    db = await createTestDatabase('embedded_transient');
    pool = new Pool({ connectionString: db.url });
    await new PostgresEventStore(pool).migrate();
    app = await NestFactory.createMicroservice(ApplierModule, {
      logger: false,
      strategy: new EmbeddedLogServer({
        busUrl: db.url,
        subscriber: 'applier',
        retryPolicy: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 5, maxTransientDelayMs: 20 },
      }),
    });
    app.useGlobalFilters(new RethrowRpcExceptionsFilter());
    await app.listen();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await db?.drop();
  });

  it('retries a transient failure for as long as it lasts, in order, and dead-letters only the permanent one', async () => {
    outageLeft = 12; // six times the policy's attempts for an unknown failure
    const sink = new EmbeddedBusSink(new PostgresEventStore(pool));
    await sink.publish([1, 2, 3].map((n) => ({ topic: TOPIC, key: 'person-1', message: message(n, n === 3) })));
    await sink.publish([{ topic: TOPIC, key: 'person-1', message: message(4) }]);
    await eventually(async () => expect(applied).toEqual([1, 2, 4]));
    expect(outageLeft).toBe(0);
    const letters = await new PostgresEventStore(pool).readStream(busStream(DEAD_LETTER_TOPIC, 'applier'));
    expect(letters.map((l) => (l.data as { attempts: number; error: string }).attempts)).toEqual([1]);
    expect((letters[0].data as { error: string }).error).toContain('duplicate key value');
  }, 60_000);
});
