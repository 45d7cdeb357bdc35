/**
 * A consuming service as its own process, for crash and poison tests: a Nest microservice on the
 * ReliableKafkaServer whose @EventPattern handler applies each message through the inbox to a table.
 * With KILL_AFTER_MESSAGES=n it SIGKILLs itself right after applying the n-th message, mid-batch,
 * before kafkajs commits the batch's offsets.
 */
import 'reflect-metadata';
import { Controller, Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Pool } from 'pg';
import { ReliableKafkaServer } from '../consuming/reliable-kafka.server';
import { RethrowRpcExceptionsFilter } from '../consuming/rethrow-rpc-exceptions.filter';
import { Inbox } from '../inbox/inbox';
import { testContract } from './test-contract';

const env = process.env as Record<string, string>;
const contract = testContract(env.TOPIC);
let applied = 0;

@Controller()
class CountedConsumer {
  constructor(@Inject(Inbox) private readonly inbox: Inbox) {}

  @EventPattern(env.TOPIC)
  async onMessage(@Payload() raw: unknown): Promise<void> {
    const message = contract.parse(raw);
    const payload = message.payload as { n: number; alwaysFails?: boolean };
    if (payload.alwaysFails) throw new Error(`cannot apply message ${payload.n}`);
    await this.inbox.runOnce(message.eventId, async (tx) => {
      await tx.query('insert into applied_messages (message_id, n) values ($1, $2)', [message.eventId, payload.n]);
    });
    applied += 1;
    if (String(applied) === env.KILL_AFTER_MESSAGES) process.kill(process.pid, 'SIGKILL');
  }
}

const pool = new Pool({ connectionString: env.DATABASE_URL });

@Module({
  controllers: [CountedConsumer],
  providers: [{ provide: Inbox, useValue: new Inbox(pool, 'fixture-consumer') }],
})
class FixtureModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createMicroservice(FixtureModule, {
    logger: ['error', 'warn'],
    strategy: new ReliableKafkaServer(
      {
        postfixId: '',
        client: { clientId: 'consumer-fixture', brokers: env.KAFKA_BROKERS.split(',') },
        // A short session, so the partitions of a killed member move on within seconds.
        consumer: {
          groupId: env.GROUP_ID,
          allowAutoTopicCreation: false,
          sessionTimeout: 6_000,
          heartbeatInterval: 1_000,
        },
        subscribe: { fromBeginning: true },
      },
      { maxAttempts: 3, initialDelayMs: 50, maxDelayMs: 200 },
    ),
  });
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
  app.useGlobalFilters(new RethrowRpcExceptionsFilter());
  await app.listen();
  process.stdout.write('consuming\n');
}

void main();
