import type { EventStore, RecordedEvent, UpcasterChain } from '@vax/event-sourcing';
import type { CheckpointStore } from '../checkpoints/checkpoint.store';
import type { MessageSink, OutgoingMessage } from './outgoing-message';

export interface PublisherOptions {
  /** The checkpoint's name, e.g. "publisher:injections". */
  name: string;
  /** The public message for a stored event (in its current version), or null for an event that stays private. */
  toMessage(event: RecordedEvent): OutgoingMessage | null;
  /** Lifts events stored in an older version to the one `toMessage` is written for. */
  upcasters?: UpcasterChain;
  batchSize?: number;
  idleWaitMs?: number;
  /** Fault point for tests: runs after the sink acknowledged a batch, before the checkpoint moves. */
  afterAcknowledged?(batch: RecordedEvent[]): void;
}

const HORIZON_WAIT_MS = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves stored events to the message sink by tailing the store from a checkpoint (no separate
 * outbox table: the store's commit-safe order is the outbox). At least once: the checkpoint moves
 * only after the sink has acknowledged, so a crash in between republishes, never loses.
 */
export class StoreTailPublisher {
  private stopped = false;
  private wake?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly sink: MessageSink,
    private readonly options: PublisherOptions,
  ) {}

  /**
   * Publishes until `stop()`; after each partial batch, looks again after idleWaitMs (25 ms by
   * default: the bulk of the publish lag, see docs/performance.md). Under a steady stream of appends
   * that lets the next batch fill, instead of sending a few events a Kafka request.
   */
  async run(): Promise<void> {
    while (!this.stopped) {
      await this.publishPending({ untilPartialBatch: true });
      if (!this.stopped) await this.idle();
    }
  }

  /**
   * Publishes everything committed so far; returns how many stored events it moved past. With
   * `untilPartialBatch` it returns after the first batch that was not full.
   */
  async publishPending({ untilPartialBatch = false } = {}): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    let checkpoint = await this.checkpoints.load(this.options.name);
    let total = 0;
    for (;;) {
      const batch = await this.store.readAll({ after: checkpoint, maxCount: batchSize });
      if (this.stopped) return total;
      if (batch.length === 0) {
        if (untilPartialBatch || !(await this.store.hasEventsAfter(checkpoint))) return total;
        await pause(HORIZON_WAIT_MS); // committed, but behind an older transaction still running
        continue;
      }
      const messages = batch.map((e) => withTrace(this.toMessage(e), e)).filter((m) => m !== null);
      await this.sink.publish(messages);
      this.options.afterAcknowledged?.(batch);
      checkpoint = batch[batch.length - 1].checkpoint;
      await this.checkpoints.save(this.options.name, checkpoint);
      total += batch.length;
      if (untilPartialBatch && batch.length < batchSize) return total;
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private toMessage(event: RecordedEvent): OutgoingMessage | null {
    return this.options.toMessage(this.options.upcasters ? this.options.upcasters.upcast(event) : event);
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.idleWaitMs ?? 25);
      this.wake = () => (clearTimeout(timer), resolve());
    });
  }
}

/** The message carries its event's trace, so the consumer's span joins the request that caused it. */
function withTrace(message: OutgoingMessage | null, event: RecordedEvent): OutgoingMessage | null {
  if (!message || message.traceparent || !event.metadata.traceparent) return message;
  return { ...message, traceparent: event.metadata.traceparent };
}
