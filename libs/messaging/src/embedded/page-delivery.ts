import type { RecordedEvent } from '@vax/event-sourcing';
import { isBatchHandler } from '../consuming/batch-event-pattern';
import type { BucketLanes } from './bucket-lanes';
import type { BucketMembership } from './bucket-membership';
import { topicOfBusStream } from './embedded-bus';

type HandlerLike = { extras?: Record<string, unknown> };
export type Handled = 'handled' | 'waits' | 'dead-lettered';

export interface PageHandlers<H extends HandlerLike> {
  handlerOf(topic: string): H | undefined;
  bucketOf(event: RecordedEvent): number;
  /** One message with the transport's retries: 'waits' holds its bucket back (a transient failure). */
  handleOne(bucket: number, topic: string, handler: H, event: RecordedEvent): Promise<Handled>;
  /** A batch handler's messages in one call; false if it failed. */
  handleBatch(buckets: number[], topic: string, handler: H, events: RecordedEvent[]): Promise<boolean>;
}

interface Pending<H> {
  topic: string;
  handler: H;
  items: { bucket: number; at: number; event: RecordedEvent }[];
}

/**
 * Delivers one page of the bus to this instance's lanes, in order within each bucket:
 * - a message of a topic nobody here handles only moves its bucket's checkpoint, saved with the next
 *   batch or at the page's end (read again and skipped again after a crash: harmless);
 * - a batch handler's messages (of one topic, across buckets) go to it in one call until a message
 *   of another handled topic comes; then every bucket's checkpoint is saved in one statement;
 * - a batch that fails goes one message at a time, each with the usual retries, dead letter and
 *   checkpoint, so a poison message is dead-lettered and its neighbours applied;
 * - any other handler gets one message and its checkpoint after it, as always.
 * A checkpoint is never saved before the message it passes was handled, nor past a bucket that waits.
 */
export class PageDelivery<H extends HandlerLike> {
  /** Per bucket, the furthest message passed (by index in the page) whose checkpoint is not saved. */
  private readonly advances = new Map<number, { at: number; checkpoint: string }>();
  private pending?: Pending<H>;

  constructor(
    private readonly lanes: BucketLanes,
    private readonly membership: Pick<BucketMembership, 'valid' | 'saveCheckpoint' | 'saveCheckpoints'>,
    private readonly handlers: PageHandlers<H>,
  ) {}

  /** False when the leases were not renewed in time: the rest is left, nothing saved past what was handled. */
  async deliver(page: RecordedEvent[]): Promise<boolean> {
    for (const [at, event] of page.entries()) {
      if (!this.membership.valid()) return false;
      const bucket = this.handlers.bucketOf(event);
      if (!this.lanes.isNext(bucket, event.checkpoint)) continue;
      const topic = topicOfBusStream(event.stream);
      const handler = this.handlers.handlerOf(topic);
      if (!handler) this.advance(bucket, at, event.checkpoint);
      else if (isBatchHandler(handler)) {
        if (this.pending && this.pending.topic !== topic) await this.flush();
        (this.pending ??= { topic, handler, items: [] }).items.push({ bucket, at, event });
      } else {
        await this.flush();
        await this.one(bucket, at, topic, handler, event);
      }
    }
    await this.flush();
    if (!this.membership.valid()) return false;
    await this.saveAdvances();
    return true;
  }

  private async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || !this.membership.valid()) return;
    const { topic, handler, items } = pending;
    const buckets = [...new Set(items.map((i) => i.bucket))];
    if (
      await this.handlers.handleBatch(
        buckets,
        topic,
        handler,
        items.map((i) => i.event),
      )
    ) {
      for (const { bucket, at, event } of items) this.advance(bucket, at, event.checkpoint);
      await this.saveAdvances();
      return;
    }
    for (const { bucket, at, event } of items)
      if (this.lanes.isNext(bucket, event.checkpoint)) await this.one(bucket, at, topic, handler, event);
  }

  private async one(bucket: number, at: number, topic: string, handler: H, event: RecordedEvent): Promise<void> {
    if ((await this.handlers.handleOne(bucket, topic, handler, event)) === 'waits') {
      this.advances.delete(bucket); // nothing of a waiting bucket is passed until its message is handled
      return;
    }
    if ((this.advances.get(bucket)?.at ?? -1) < at) this.advances.delete(bucket);
    await this.membership.saveCheckpoint(bucket, event.checkpoint);
  }

  private advance(bucket: number, at: number, checkpoint: string): void {
    if ((this.advances.get(bucket)?.at ?? -1) < at) this.advances.set(bucket, { at, checkpoint });
  }

  private async saveAdvances(): Promise<void> {
    if (this.advances.size === 0) return;
    const checkpoints = new Map([...this.advances].map(([bucket, { checkpoint }]) => [bucket, checkpoint]));
    this.advances.clear();
    await this.membership.saveCheckpoints(checkpoints);
  }
}
