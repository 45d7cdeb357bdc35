import { randomUUID } from 'node:crypto';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  PostgresEventStore,
  type RecordedEvent,
  type Subscription,
  describeConnectionLoss,
  migrate,
  survivingConnectionLoss,
} from '@vax/event-sourcing';
import { Pool } from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, decideRetry } from '../consuming/retry-policy';
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
  private closing = false;
  private wake?: () => void;

  constructor(private readonly options: EmbeddedLogOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.pool = survivingConnectionLoss(
        new Pool({
          connectionString: this.options.busUrl,
          max: 3,
          application_name: `${this.options.subscriber}-consumer`,
        }),
        (error) => this.logger.warn(`lost a connection to the bus (${describeConnectionLoss(error)})`),
      );
      const bus = new PostgresEventStore(this.pool);
      await bus.migrate();
      await migrate(this.pool, MESSAGING_MIGRATIONS);
      const checkpoints = new CheckpointStore(this.pool);
      const name = `embedded:${this.options.subscriber}`;
      this.running = this.deliverUntilClosed(checkpoints, name, bus);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /**
   * Delivers until close(). When the bus fails under it (the database restarting, a connection
   * cut), delivery resumes from the last saved checkpoint after a capped backoff: the message being
   * handled then comes again, and the inbox absorbs what was already applied.
   */
  private async deliverUntilClosed(checkpoints: CheckpointStore, name: string, bus: PostgresEventStore) {
    for (let failures = 0; !this.closing;) {
      try {
        this.subscription = bus.subscribeToAll({ after: await checkpoints.load(name) });
        if (this.closing) return;
        await this.deliver(this.subscription, checkpoints, name, bus, () => (failures = 0));
      } catch (error) {
        if (this.closing) return;
        const retryInMs = Math.min(10_000, 250 * 2 ** Math.min(failures++, 6));
        this.logger.warn(
          `${name}: delivery failed (${String(error)}), resuming from the checkpoint in ${retryInMs} ms`,
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryInMs);
          this.wake = () => (clearTimeout(timer), resolve());
        });
      }
    }
  }

  private async deliver(
    subscription: Subscription,
    checkpoints: CheckpointStore,
    name: string,
    bus: PostgresEventStore,
    delivered: () => void,
  ) {
    for await (const event of subscription) {
      const topic = topicOfBusStream(event.stream);
      const handler = this.messageHandlers.get(topic);
      // Topics without a handler here are other subscribers' business, as unsubscribed topics are in Kafka.
      if (handler) await this.handleWithRetries(topic, handler, event, bus);
      await checkpoints.save(name, event.checkpoint);
      delivered();
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
        // Transient failures wait for as long as they last (retry-policy.ts): an outage dead-letters nothing.
        const decision = decideRetry(error, attempt, policy);
        if (decision.retry) {
          await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
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
    this.closing = true;
    this.wake?.();
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
