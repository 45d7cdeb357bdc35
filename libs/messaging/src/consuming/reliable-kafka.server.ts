import { type KafkaContext, type KafkaOptions, type ReadPacket, ServerKafka } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { DEAD_LETTER_HEADERS, DEAD_LETTER_TOPIC } from './dead-letter.headers';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, decideRetry } from './retry-policy';

const HEARTBEAT_EVERY_MS = 2_000;

/**
 * NestJS's Kafka transport, with what it lacks for events: a failing handler is retried with
 * backoff (heartbeating meanwhile, so the group does not evict the consumer). A transient failure
 * (retry-policy.ts) is retried for as long as it lasts; a permanent one goes to the dead-letter
 * topic at once, an unknown one after the policy's attempts, with its error, and the partition
 * moves on. A message with no handler is dead-lettered and reported,
 * never silently committed. Handlers are ordinary @EventPattern methods.
 */
export class ReliableKafkaServer extends ServerKafka {
  constructor(
    options: KafkaOptions['options'],
    private readonly retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    super(options ?? {});
  }

  override async handleEvent(pattern: string, packet: ReadPacket, context: KafkaContext): Promise<void> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) {
      this.logger.error(`no handler for messages on ${pattern}: sent to ${DEAD_LETTER_TOPIC}`);
      return this.deadLetter(context, new Error(`no handler for ${pattern}`), 0);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await handler(packet.data, context);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        return;
      } catch (error) {
        const decision = decideRetry(error, attempt, this.retryPolicy);
        if (!decision.retry) {
          this.logger.error(
            `${describe(context)} failed ${attempt} time(s) (${decision.kind}), dead-lettered: ${errorText(error)}`,
          );
          return this.deadLetter(context, error, attempt);
        }
        // A transient failure waits for as long as it lasts: nothing is dead-lettered for an outage,
        // and the partition holds its place, so a key's later messages never overtake this one.
        this.logger.warn(
          `${describe(context)} failed (attempt ${attempt}, ${decision.kind}), retrying: ${errorText(error)}`,
        );
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
