import {
  KafkaContext,
  type KafkaOptions,
  type MessageHandler,
  type ReadPacket,
  ServerKafka,
} from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { consumeInSpan, traceparentHeader } from '../tracing/message-trace';
import { isBatchHandler } from './batch-event-pattern';
import { DEAD_LETTER_HEADERS, DEAD_LETTER_TOPIC } from './dead-letter.headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, decideRetry } from './retry-policy';
import { type ConsumerWaits, TransientWaits, type WaitingPartition } from './transient-waits';

const HEARTBEAT_EVERY_MS = 2_000;
/** The most messages a batch handler gets in one call (as a page of the embedded transport). */
const BATCH_LIMIT = 500;

/** Thrown by handleEvent up to the batch loop: hold this partition back for `delayMs`. */
class PartitionMustWait extends Error {
  constructor(readonly delayMs: number) {
    super('partition waits on a transient failure');
  }
}

/**
 * NestJS's Kafka transport, with what it lacks for events: a failing handler is retried with
 * backoff. A transient failure (retry-policy.ts) is retried for as long as it lasts, with only its
 * partition paused meanwhile: the message is left unresolved, so the paused partition fetches it
 * again when it resumes, and the consumer's other partitions keep flowing (kafkajs fetches again
 * only once every batch of a fetch is done, so a handler waiting inside its batch would hold them
 * all). A permanent failure goes to the dead-letter topic at once, an unknown one after the policy's
 * attempts, with its error, and the partition moves on. A message with no handler is dead-lettered
 * and reported, never silently committed. Handlers are ordinary @EventPattern methods.
 */
export class ReliableKafkaServer extends ServerKafka implements ConsumerWaits {
  private readonly waits = new TransientWaits();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();

  constructor(
    options: KafkaOptions['options'],
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    super(options ?? {});
  }

  get group(): string {
    return this.groupId;
  }

  /** The partitions waiting on a transient failure now (readiness, metrics). */
  waiting(): WaitingPartition[] {
    return this.waits.list();
  }

  /** Batches, not single messages: a partition is paused and left at its failing message. */
  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length > 0) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const owned = payload.memberAssignment;
      this.waits.keepOnly((key) => {
        const [topic, partition] = splitKey(key);
        return (owned[topic] ?? []).includes(partition);
      });
    });
    await consumer.run({
      ...(this.options.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  private async consumeBatch(payload: EachBatchPayload) {
    const { batch, resolveOffset, heartbeat, pause, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const key = partitionKey(topic, partition);
    const handler = this.getHandlerByPattern(topic);
    for (let from = 0; from < batch.messages.length; from += BATCH_LIMIT) {
      const chunk = batch.messages.slice(from, from + BATCH_LIMIT);
      if (!isRunning() || isStale()) return;
      // A batch handler takes the chunk in one call; a partition already waiting goes one by one.
      const together =
        handler !== null &&
        isBatchHandler(handler) &&
        chunk.length > 1 &&
        this.waits.attemptsAt(key, chunk[0].offset) === 0;
      if (together && (await this.consumeTogether(handler, topic, partition, chunk, heartbeat))) {
        resolveOffset(chunk[chunk.length - 1].offset);
        await heartbeat();
        continue;
      }
      for (const message of chunk) {
        if (!isRunning() || isStale()) return;
        const waitMs = await this.consume({ topic, partition, message, heartbeat, pause });
        if (waitMs !== undefined) {
          // Unresolved: once resumed, the partition is fetched again from this message.
          this.resumeAfter(pause(), waitMs);
          return;
        }
        this.waits.succeeded(key);
        resolveOffset(message.offset);
        await heartbeat();
      }
    }
  }

  /**
   * A batch handler's messages of one partition in one call; false when it failed, and they then go
   * one at a time with the usual retries and dead letters (so a poison message blocks no neighbour).
   */
  private async consumeTogether(
    handler: MessageHandler,
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<boolean> {
    try {
      const raws = messages.map((m) => this.parser!.parse<KafkaMessage>(Object.assign({ ...m }, { topic, partition })));
      const packets = await Promise.all(raws.map((raw) => this.deserializer.deserialize(raw, { channel: topic })));
      const context = new KafkaContext([
        raws[raws.length - 1],
        partition,
        topic,
        this.consumer!,
        heartbeat,
        this.producer!,
      ]);
      // In a consumer span, child of the first message's producer span (ADR 15).
      await consumeInSpan(topic, 'kafka', traceparentHeader(messages[0].headers), async () => {
        const result = await handler(
          packets.map((p) => p.data),
          context,
        );
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      });
      return true;
    } catch (error) {
      this.logger.warn(
        `${topic}/${partition}: a batch of ${messages.length} failed (${errorText(error)}), consuming it one by one`,
      );
      return false;
    }
  }

  /** Handles one message; returns how long its partition must wait, when it must. */
  private async consume(payload: EachMessagePayload): Promise<number | undefined> {
    try {
      await this.handleMessage(payload);
      return undefined;
    } catch (error) {
      if (error instanceof PartitionMustWait) return error.delayMs;
      throw error;
    }
  }

  private resumeAfter(resume: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, ms);
    this.resumeTimers.add(timer);
  }

  override async close(): Promise<void> {
    this.resumeTimers.forEach(clearTimeout);
    this.resumeTimers.clear();
    await super.close();
  }

  override async handleEvent(pattern: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) {
      this.logger.error(`no handler for messages on ${pattern}: sent to ${DEAD_LETTER_TOPIC}`);
      return this.deadLetter(context, new Error(`no handler for ${pattern}`), 0);
    }
    const key = partitionKey(context.getTopic(), context.getPartition());
    const offset = context.getMessage().offset;
    for (let attempt = this.waits.attemptsAt(key, offset) + 1; ; attempt++) {
      try {
        // In a consumer span, child of the producer's span the message carries (ADR 15).
        await consumeInSpan(context.getTopic(), 'kafka', traceparentHeader(context.getMessage().headers), async () => {
          // A batch handler (BatchEventPattern) gets its messages as an array, here one at a time.
          const result = await handler(isBatchHandler(handler) ? [packet.data] : packet.data, context);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        });
        return;
      } catch (error) {
        const decision = decideRetry(error, attempt, this.retryPolicy);
        if (!decision.retry) {
          this.logger.error(
            `${describe(context)} failed ${attempt} time(s) (${decision.kind}), dead-lettered: ${errorText(error)}`,
          );
          return this.deadLetter(context, error, attempt);
        }
        this.logger.warn(
          `${describe(context)} failed (attempt ${attempt}, ${decision.kind}), retrying in ${decision.delayMs} ms: ${errorText(error)}`,
        );
        if (decision.kind === 'transient') {
          // Waits for as long as it lasts, nothing dead-lettered for an outage; only this partition
          // holds its place, so a key's later messages never overtake this one.
          this.waits.failed(key, offset, error);
          throw new PartitionMustWait(decision.delayMs);
        }
        await this.waitHeartbeating(decision.delayMs, context.getHeartbeat());
      }
    }
  }

  private async deadLetter(context: KafkaContext, error: unknown, attempts: number): Promise<void> {
    const original = context.getMessage();
    const value =
      typeof original.value === 'string' || Buffer.isBuffer(original.value)
        ? original.value
        : JSON.stringify(original.value);
    await this.producer!.send({
      topic: DEAD_LETTER_TOPIC,
      acks: -1,
      messages: [
        {
          key: original.key,
          value,
          headers: {
            ...stringHeaders(original.headers),
            [DEAD_LETTER_HEADERS.originalTopic]: context.getTopic(),
            [DEAD_LETTER_HEADERS.originalPartition]: String(context.getPartition()),
            [DEAD_LETTER_HEADERS.originalOffset]: original.offset,
            [DEAD_LETTER_HEADERS.consumerGroup]: this.groupId,
            [DEAD_LETTER_HEADERS.error]: errorText(error).slice(0, 2_000),
            [DEAD_LETTER_HEADERS.attempts]: String(attempts),
            [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }

  private async waitHeartbeating(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(HEARTBEAT_EVERY_MS, until - Date.now())));
      await heartbeat().catch(() => undefined);
    }
  }
}

const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

function splitKey(key: string): [string, number] {
  const slash = key.lastIndexOf('/');
  return [key.slice(0, slash), Number(key.slice(slash + 1))];
}

function describe(context: KafkaContext): string {
  return `message ${context.getTopic()}/${context.getPartition()}@${context.getMessage().offset}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : String(v)]),
  );
}
