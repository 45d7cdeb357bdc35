import type { EventStore, RecordedEvent } from '@vax/event-sourcing';

/**
 * The bus read a page at a time after a checkpoint, in its commit-safe order: what the embedded
 * transport delivers from (a batch handler gets at most a page). When caught up, it looks again after
 * `idleWaitMs`; `close()` ends the iteration after the page in hand.
 */
export class BusPages implements AsyncIterable<RecordedEvent[]> {
  private closed = false;
  private wake?: () => void;

  constructor(
    private readonly bus: EventStore,
    private readonly after: string | undefined,
    private readonly pageSize = 500,
    private readonly idleWaitMs = 100,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent[]> {
    let after = this.after;
    while (!this.closed) {
      const page = await this.bus.readAll({ after, maxCount: this.pageSize });
      if (this.closed) return;
      if (page.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleWaitMs);
          this.wake = () => (clearTimeout(timer), resolve());
        });
        continue;
      }
      after = page[page.length - 1].checkpoint;
      yield page;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
  }
}
