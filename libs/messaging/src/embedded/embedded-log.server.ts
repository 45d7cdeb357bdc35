import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import {
  type EventStore,
  PostgresEventStore,
  type RecordedEvent,
  describeConnectionLoss,
  migrate,
  survivingConnectionLoss,
} from '@vax/event-sourcing';
import { Pool } from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { isBatchHandler } from '../consuming/batch-event-pattern';
import { DEAD_LETTER_TOPIC } from '../consuming/dead-letter.headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, decideRetry } from '../consuming/retry-policy';
import { type ConsumerWaits, TransientWaits, type WaitingPartition } from '../consuming/transient-waits';
import { MESSAGING_MIGRATIONS } from '../messaging.migrations';
import { BucketLanes } from './bucket-lanes';
import { BucketLeases } from './bucket-leases';
import { BucketMembership } from './bucket-membership';
import { DEFAULT_BUS_BUCKETS, bucketOfStream } from './bus-buckets';
import { consumeInSpan } from '../tracing/message-trace';
import { busStream } from './embedded-bus';
import { BusPages } from './bus-pages';
import { InterruptibleSleep } from './interruptible-sleep';
import { type Handled, PageDelivery } from './page-delivery';

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
  /** Buckets the subscriber's keys are cut into (16): the most instances that can share the work. */
  buckets?: number;
  /** How long a bucket stays with an instance that stopped renewing it (10 s): the take-over bound. */
  leaseMs?: number;
}

type Handler = ((data: unknown, ctx: EmbeddedContext) => unknown) & { extras?: Record<string, unknown> };

/**
 * A NestJS transport for the single-machine default: delivers from the durable bus log to the same
 * @EventPattern handlers the Kafka transport calls. Like a Kafka consumer group, the instances of a
 * subscriber share its work: keys are cut into buckets, each leased to one live instance in the bus
 * database (bucket-leases.ts) with a checkpoint of its own, so N instances (or HTTP_WORKERS > 1)
 * apply each message once, and a dead instance's buckets are taken over when their leases lapse.
 * Same rules as Kafka: a transient failure holds back only its bucket until it passes; a permanent
 * one is dead-lettered at once, an unknown one after the policy's attempts; never a silent skip.
 */
export class EmbeddedLogServer extends Server implements CustomTransportStrategy, ConsumerWaits {
  private pool?: Pool;
  private bus?: EventStore;
  private membership?: BucketMembership;
  private lanes?: BucketLanes;
  private readonly waits = new TransientWaits();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pause = new InterruptibleSleep();
  private subscription?: BusPages;
  private running?: Promise<void>;
  private heartbeating?: Promise<void>;
  private closing = false;
  private closed?: Promise<void>;
  private inFlight: readonly number[] = [];

  constructor(private readonly options: EmbeddedLogOptions) {
    super();
  }

  get group(): string {
    return this.options.subscriber;
  }

  /** The buckets held back on a transient failure now (readiness, metrics). */
  waiting(): WaitingPartition[] {
    return this.waits.list();
  }

  /** The buckets this instance holds now. */
  heldBuckets(): number[] {
    return this.lanes?.held().sort((a, b) => a - b) ?? [];
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const { subscriber, buckets = DEFAULT_BUS_BUCKETS, leaseMs = 10_000 } = this.options;
      this.pool = survivingConnectionLoss(
        new Pool({ connectionString: this.options.busUrl, max: 3, application_name: `${subscriber}-consumer` }),
        (error) => this.logger.warn(`lost a connection to the bus (${describeConnectionLoss(error)})`),
      );
      const bus = new PostgresEventStore(this.pool);
      await bus.migrate();
      await migrate(this.pool, MESSAGING_MIGRATIONS);
      this.bus = bus;
      this.lanes = new BucketLanes((a, b) => bus.compareCheckpoints(a, b));
      const member = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
      const leases = new BucketLeases(this.pool, subscriber, member, buckets, leaseMs);
      this.membership = new BucketMembership(
        leases,
        this.lanes,
        new CheckpointStore(this.pool),
        this.waits,
        { group: subscriber, buckets, leaseMs, compare: (a, b) => bus.compareCheckpoints(a, b) },
        {
          gained: (held) => (this.logger.log(`${subscriber}: holds buckets ${held.join(', ')}`), this.restartReading()),
          handling: () => this.inFlight,
          warn: (text) => this.logger.warn(text),
        },
      );
      this.heartbeating = this.membership.run(() => this.closing);
      this.running = this.deliverUntilClosed();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /**
   * Delivers until close(). When the bus fails under it (the database restarting, a connection
   * cut), delivery resumes from the lanes' saved checkpoints after a capped backoff: the message
   * being handled then comes again, and the inbox absorbs what was already applied.
   */
  private async deliverUntilClosed(): Promise<void> {
    for (let failures = 0; !this.closing;) {
      try {
        // A timer may fire a millisecond before the wait it ends: a lane due this soon is due.
        this.lanes!.wakeDue(Date.now() + 25);
        const start = this.membership!.valid() ? this.lanes!.startingPoint() : null;
        if (start === null) {
          await this.pause.sleep(250); // no bucket held (yet), or all waiting: woken when that changes
          continue;
        }
        this.subscription = new BusPages(this.bus!, start.after);
        if (this.closing) return;
        await this.deliver(this.subscription, () => (failures = 0));
      } catch (error) {
        if (this.closing) return;
        const retryInMs = Math.min(10_000, 250 * 2 ** Math.min(failures++, 6));
        this.logger.warn(
          `${this.group}: delivery failed (${String(error)}), resuming from the checkpoints in ${retryInMs} ms`,
        );
        await this.pause.sleep(retryInMs);
      }
    }
  }

  /**
   * A page at a time. Messages of topics without a handler here move their buckets' checkpoints once
   * per page, not once each; a batch handler's messages go to it together (page-delivery.ts).
   */
  private async deliver(pages: BusPages, delivered: () => void): Promise<void> {
    const buckets = this.options.buckets ?? DEFAULT_BUS_BUCKETS;
    for await (const page of pages) {
      const delivery = new PageDelivery(this.lanes!, this.membership!, {
        handlerOf: (topic) => this.messageHandlers.get(topic) as Handler | undefined,
        bucketOf: (event) => bucketOfStream(event.stream, buckets),
        handleOne: (bucket, topic, handler, event) =>
          this.inHand([bucket], () => this.handle(bucket, topic, handler, event)),
        handleBatch: (buckets, topic, handler, events) =>
          this.inHand(buckets, () => this.tryBatch(topic, handler, events)),
      });
      if (!(await delivery.deliver(page))) return; // leases not renewed in time: hold off until they are
      delivered();
    }
  }

  private async inHand<T>(buckets: readonly number[], work: () => Promise<T>): Promise<T> {
    this.inFlight = buckets;
    try {
      return await work();
    } finally {
      this.inFlight = [];
    }
  }

  /** A batch handler's messages in one call; false when it failed (they then go one by one). */
  private async tryBatch(topic: string, handler: Handler, events: RecordedEvent[]): Promise<boolean> {
    try {
      await this.invoke(topic, handler, events);
      return true;
    } catch (error) {
      this.logger.warn(`${topic}: a batch of ${events.length} failed (${String(error)}), delivering it one by one`);
      return false;
    }
  }

  private async invoke(topic: string, handler: Handler, events: RecordedEvent[]): Promise<void> {
    const data = isBatchHandler(handler) ? events.map((e) => e.data) : events[0].data;
    // In a consumer span, child of the producer's span stored with the (first) message (ADR 15).
    await consumeInSpan(topic, 'embedded', events[0].metadata.traceparent, async () => {
      const result = await handler(data, new EmbeddedContext([topic, events[events.length - 1].checkpoint]));
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    });
  }

  /** One message, retried by the policy: 'waits' holds its bucket back on a transient failure. */
  private async handle(bucket: number, topic: string, handler: Handler, event: RecordedEvent): Promise<Handled> {
    const policy = this.options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    const lane = `bucket ${bucket}`;
    for (let attempt = this.waits.attemptsAt(lane, event.checkpoint) + 1; ; attempt++) {
      try {
        await this.invoke(topic, handler, [event]);
        this.waits.succeeded(lane);
        return 'handled';
      } catch (error) {
        const decision = decideRetry(error, attempt, policy);
        if (decision.retry && decision.kind === 'transient') {
          // Waits for as long as it lasts, holding back this bucket only: a key's order is kept,
          // other keys flow, an outage dead-letters nothing.
          this.waits.failed(lane, event.checkpoint, error);
          this.lanes!.wait(bucket, Date.now() + decision.delayMs);
          this.after(decision.delayMs, () => this.restartReading());
          this.logger.warn(`${topic} ${lane} waits ${decision.delayMs} ms (attempt ${attempt}): ${String(error)}`);
          return 'waits';
        }
        if (decision.retry) {
          await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
          continue;
        }
        await this.deadLetter(topic, event, error, attempt);
        this.waits.succeeded(lane);
        return 'dead-lettered';
      }
    }
  }

  private async deadLetter(topic: string, event: RecordedEvent, error: unknown, attempts: number) {
    this.logger.error(`${topic} message ${event.id} failed ${attempts} time(s), dead-lettered: ${String(error)}`);
    const { subscriber } = this.options;
    const letter = { original: event.data, topic, subscriber, error: String(error), attempts };
    await this.bus!.append(
      busStream(DEAD_LETTER_TOPIC, subscriber),
      [{ ...event, id: randomUUID(), type: 'DeadLetter', data: letter }],
      'any',
    );
  }

  /** Reads again from the lanes' checkpoints: a bucket gained, or a wait over. */
  private restartReading(): void {
    void this.subscription?.close();
    this.pause.wake();
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(() => (this.timers.delete(timer), run()), ms);
    this.timers.add(timer);
  }

  /**
   * Stops, and gives its buckets back so the other instances take them at once. `keepLeases`
   * leaves them to lapse instead, as a killed process does (for tests of the take-over).
   */
  close({ keepLeases = false }: { keepLeases?: boolean } = {}): Promise<void> {
    this.closed ??= this.stop(keepLeases);
    return this.closed;
  }

  private async stop(keepLeases: boolean): Promise<void> {
    this.closing = true;
    this.timers.forEach(clearTimeout);
    this.pause.wake();
    this.membership?.wake();
    await this.subscription?.close();
    await this.running?.catch(() => undefined);
    await this.heartbeating?.catch(() => undefined);
    if (!keepLeases) await this.membership?.leave().catch(() => undefined);
    await this.pool?.end();
  }

  on(): never {
    throw new Error('the embedded transport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.pool as T;
  }
}
