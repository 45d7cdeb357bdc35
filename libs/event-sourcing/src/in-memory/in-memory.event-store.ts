import type { NewEvent, RecordedEvent } from '../event-envelope';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { checkExpectedRevision } from '../stream-revision';

/** For unit tests only: the same contract as the real stores, in one process's memory. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Nothing here reaches a disk, so `durability` asks for nothing to relax. */
  async append(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    _options?: AppendOptions,
  ): Promise<AppendResult> {
    const existing = this.streams.get(stream) ?? [];
    checkExpectedRevision(stream, expected, existing.length ? BigInt(existing.length - 1) : 'no_stream');
    if (events.length === 0) throw new Error('append needs at least one event');
    const recorded = events.map((e, i) => {
      const globalPosition = BigInt(this.log.length + i + 1);
      return {
        ...e,
        stream,
        revision: BigInt(existing.length + i),
        globalPosition,
        checkpoint: String(globalPosition),
        recordedAt: this.clock(),
      };
    });
    this.log.push(...recorded);
    this.streams.set(stream, [...existing, ...recorded]);
    this.waiters.splice(0).forEach((wake) => wake());
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, lastPosition: last.globalPosition };
  }

  /** All or nothing, as on PostgreSQL: every expectation is checked before anything is written. */
  async appendToStreams(appends: StreamAppend[], _options?: AppendOptions): Promise<AppendResult[]> {
    const lengths = new Map<string, number>();
    for (const { stream, events, expected } of appends) {
      const length = lengths.get(stream) ?? this.streams.get(stream)?.length ?? 0;
      checkExpectedRevision(stream, expected, length ? BigInt(length - 1) : 'no_stream');
      if (events.length === 0) throw new Error('append needs at least one event');
      lengths.set(stream, length + events.length);
    }
    const results: AppendResult[] = [];
    for (const { stream, events } of appends) results.push(await this.append(stream, events, 'any'));
    return results;
  }

  async readStreams(streams: string[]): Promise<Map<string, RecordedEvent[]>> {
    return new Map(streams.map((s) => [s, [...(this.streams.get(s) ?? [])]]));
  }

  async readStream(
    stream: string,
    { direction = 'forwards', fromRevision, maxCount = Infinity }: ReadStreamOptions = {},
  ) {
    const events = this.streams.get(stream) ?? [];
    const ordered = direction === 'forwards' ? events : [...events].reverse();
    const from = fromRevision ?? (direction === 'forwards' ? 0n : BigInt(events.length));
    return ordered
      .filter((e) => (direction === 'forwards' ? e.revision >= from : e.revision <= from))
      .slice(0, maxCount);
  }

  async readAll({ after, maxCount = 1000 }: ReadAllOptions = {}) {
    const start = after ? Number(after) : 0;
    return this.log.slice(start, start + maxCount);
  }

  async hasEventsAfter(after?: string): Promise<boolean> {
    return this.log.length > (after ? Number(after) : 0);
  }

  subscribeToAll({ after, batchSize = 100 }: SubscribeOptions = {}): Subscription {
    const state = { closed: false };
    return {
      [Symbol.asyncIterator]: () => this.tail(after, batchSize, state),
      close: async () => {
        state.closed = true;
        this.waiters.splice(0).forEach((wake) => wake());
      },
    };
  }

  compareCheckpoints(a: string, b: string): number {
    return Number(a) - Number(b);
  }

  private async *tail(after: string | undefined, batchSize: number, state: { closed: boolean }) {
    let checkpoint = after;
    while (!state.closed) {
      const batch = await this.readAll({ after: checkpoint, maxCount: batchSize });
      for (const event of batch) {
        if (state.closed) return;
        checkpoint = event.checkpoint;
        yield event;
      }
      if (batch.length === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async close(): Promise<void> {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
