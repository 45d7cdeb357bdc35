import { randomUUID } from 'node:crypto';
import { Controller, type INestApplication, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IsInt } from 'class-validator';
import { defineContract } from '@vax/contracts';
import { readDeadLetters } from '@vax/messaging';
import { TEST_KEY_SETTINGS, createTestDatabase, eventually, testInfrastructure, type TestDatabase } from '@vax/testing';
import { Kafka, logLevel } from 'kafkajs';
import { BackendServiceConfig } from '../config/service-config';
import { PlatformModule } from '../platform.module';
import { bootstrapHttpService } from './bootstrap-http-service';

const TOPIC = `bootstrap-consumer-${randomUUID()}`;
class Counted {
  @IsInt() n!: number;
}
const contract = defineContract(TOPIC, { Counted });
const handled: number[] = [];
let initHooks = 0;

@Controller()
class CountedConsumer {
  @EventPattern(TOPIC)
  onCounted(@Payload() raw: unknown) {
    handled.push((contract.parse(raw).payload as Counted).n);
  }
}

@Injectable()
class InitCounter implements OnModuleInit {
  onModuleInit() {
    initHooks += 1;
  }
}

@Module({ controllers: [CountedConsumer], providers: [InitCounter] })
class ConsumerTestModule {}

const envelope = (type: string, payload: object) => ({
  eventId: randomUUID(),
  type,
  aggregateId: 'a',
  occurredAt: new Date().toISOString(),
  correlationId: randomUUID(),
  causationId: null,
  actor: { id: 'a', role: 'r', scope: 's' },
  payload,
});

// The wiring every service's consumer gets from bootstrapHttpService, with real Kafka.
describe('a service started by bootstrapHttpService, consuming', () => {
  const kafka = new Kafka({ brokers: testInfrastructure().kafkaBrokers, logLevel: logLevel.NOTHING });
  let db: TestDatabase;
  let app: INestApplication | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('bootstrap_consumer');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: TOPIC, numPartitions: 1 }] });
    await admin.disconnect();
    Object.assign(process.env, {
      PORT: String(4800 + Math.floor(Math.random() * 100)),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
      KAFKA_CONSUMER_GROUP: `bootstrap-consumer-${randomUUID()}`,
      ACTOR_TOKEN_TRUSTED_KEYS: TEST_KEY_SETTINGS.ACTOR_TOKEN_TRUSTED_KEYS,
    });
    app = await bootstrapHttpService({
      service: 'bootstrap-consumer-test',
      description: 'test',
      configClass: BackendServiceConfig,
      rootModule: (config) => ({
        module: ConsumerTestModule,
        imports: [PlatformModule.forService('bootstrap-consumer-test', config)],
      }),
      consumesMessages: true,
    });
  }, 60_000);
  // Closing leaves the consumer group and drains the transport: longer than jest's 5 s on a busy CI.
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  }, 60_000);

  it('runs each module hook once, and dead-letters a broken message at once with its reason', async () => {
    expect(initHooks).toBe(1);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPIC,
      messages: [
        { value: JSON.stringify(envelope('Counted', { n: 'one' })) },
        { value: JSON.stringify(envelope('Counted', { n: 2 })) },
      ],
    });
    await producer.disconnect();

    await eventually(async () => {
      if (!handled.includes(2)) throw new Error('the good message is not handled yet');
    });
    const [letter] = await eventually(async () => {
      const letters = (await readDeadLetters(kafka)).filter((l) => l.originalTopic === TOPIC);
      if (letters.length === 0) throw new Error('no dead letter yet');
      return letters;
    });
    // Not retried as a passing failure, and the letter says what was wrong (not "[object Object]").
    expect(letter).toMatchObject({ attempts: 1, error: expect.stringContaining('payload.n (isInt)') });
  }, 60_000);
});
