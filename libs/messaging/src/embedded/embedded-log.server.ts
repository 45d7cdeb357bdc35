import { randomUUID } from 'node:crypto';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { PostgresEventStore, migrate, type RecordedEvent, type Subscription } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, backoffDelay, isRetriable } from '../consuming/retry-policy';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { busStream, topicOfBusStream } from './embedded-bus';

/** What an @EventPattern handler gets as context on the embedded transport: [topic, checkpoint]. */
export class EmbeddedContext extends BaseRpcContext<[string, string]> {
  getTopic(): string {
    return this.args[0];
  }
}

export interface EmbeddedLogOptions {
  /** The bus database shared by the services of this install. */
  busUrl: string;
  /** This subscriber's name, like a Kafka consumer group: one per service. */
  subscriber: string;
  retryPolicy?: RetryPolicy;
}

/**
 * A NestJS transport for the single-machine default: delivers from the durable bus log to the same
 * @EventPattern handlers the Kafka transport calls, with its own checkpoint, so a restart resumes
 * where it stopped. Same rules as Kafka: retries with backoff, then a dead letter; never a silent skip.
 */
export class EmbeddedLogServer extends Server implements CustomTransportStrategy {
  private pool?: Pool;
  private subscription?: Subscription;
  private running?: Promise<void>;

  constructor(private readonly options: EmbeddedLogOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.pool = new Pool({ connectionString: this.options.busUrl, max: 3 });
      const bus = new PostgresEventStore(this.pool);
      await bus.migrate();
      await migrate(this.pool, MESSAGING_MIGRATIONS);
      const checkpoints = new CheckpointStore(this.pool);
      const name = `embedded:${this.options.subscriber}`;
      this.subscription = bus.subscribeToAll({ after: await checkpoints.load(name) });
      this.running = this.deliver(this.subscription, checkpoints, name, bus);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  private async deliver(
    subscription: Subscription,
    checkpoints: CheckpointStore,
    name: string,
    bus: PostgresEventStore,
  ) {
    for await (const event of subscription) {
      const topic = topicOfBusStream(event.stream);
      const handler = this.messageHandlers.get(topic);
      // Topics without a handler here are other subscribers' business, as unsubscribed topics are in Kafka.
      if (handler) await this.handleWithRetries(topic, handler, event, bus);
      await checkpoints.save(name, event.checkpoint);
    }
  }

  private async handleWithRetries(
    topic: string,
    handler: (data: unknown, ctx: EmbeddedContext) => unknown,
    event: RecordedEvent,
    bus: PostgresEventStore,
  ) {
    const policy = this.options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await handler(event.data, new EmbeddedContext([topic, event.checkpoint]));
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        return;
      } catch (error) {
        if (isRetriable(error) && attempt < policy.maxAttempts) {
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(policy, attempt)));
          continue;
        }
        this.logger.error(`${topic} message ${event.id} failed ${attempt} time(s), dead-lettered: ${String(error)}`);
        const letter = {
          original: event.data,
          topic,
          subscriber: this.options.subscriber,
          error: String(error),
          attempts: attempt,
        };
        await bus.append(
          busStream(DEAD_LETTER_TOPIC, this.options.subscriber),
          [{ ...event, id: randomUUID(), type: 'DeadLetter', data: letter }],
          'any',
        );
        return;
      }
    }
  }

  async close(): Promise<void> {
    await this.subscription?.close();
    await this.running?.catch(() => undefined);
    await this.pool?.end();
  }

  on(): never {
    throw new Error('the embedded transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.pool as T;
  }
}
