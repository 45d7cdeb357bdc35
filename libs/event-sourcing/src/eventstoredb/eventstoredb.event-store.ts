import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevisionError,
} from '../event-store.port';

type StoredMetadata = Omit<EventMetadata, 'occurredAt'> & { occurredAt: string; schemaVersion: number };

/**
 * The event store on EventStoreDB / KurrentDB through the official client. Checkpoints are the
 * commit/prepare positions of $all.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  /** EventStoreDB acknowledges a write only once it is durable: `durability: 'deferred'` is not used. */
  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
      return { nextExpectedRevision: result.nextExpectedRevision, lastPosition: result.position?.commit ?? 0n };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualState;
        throw new WrongExpectedRevisionError(stream, expected, typeof actual === 'bigint' ? actual : 'no_stream');
      }
      throw error;
    }
  }

  /** Stream by stream (no transaction across streams here): see EventStore.appendToStreams. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { stream, events, expected } of appends) results.push(await this.append(stream, events, expected));
    return results;
  }

  async readStreams(streams: string[]): Promise<Map<string, RecordedEvent[]>> {
    return new Map(await Promise.all(streams.map(async (s) => [s, await this.readStream(s)] as const)));
  }

  async readStream(
    stream: string,
    { direction = 'forwards', fromRevision, maxCount = 100_000 }: ReadStreamOptions = {},
  ) {
    const forwards = direction === 'forwards';
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        direction: forwards ? FORWARDS : BACKWARDS,
        fromRevision: fromRevision ?? (forwards ? START : END),
        maxCount,
      });
      for await (const resolved of read) events.push(toRecorded(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after, maxCount = 1_000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const from = after ? parseCheckpoint(after) : START;
    // $all reads include the position itself: ask for one more and drop the checkpoint's own event.
    for await (const resolved of this.client.readAll({
      fromPosition: from,
      maxCount: maxCount + 1,
      filter: excludeSystemEvents(),
    })) {
      const event = toRecorded(resolved);
      if (event.checkpoint !== after) events.push(event);
    }
    return events.slice(0, maxCount);
  }

  /** A single writer commits in order: nothing is ever held back. */
  async hasEventsAfter(after?: string): Promise<boolean> {
    return (await this.readAll({ after, maxCount: 1 })).length > 0;
  }

  subscribeToAll({ after }: SubscribeOptions = {}): Subscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: after ? parseCheckpoint(after) : START,
      filter: excludeSystemEvents(),
    });
    return {
      async *[Symbol.asyncIterator]() {
        for await (const resolved of subscription) {
          const event = toRecorded(resolved);
          // A resumed catch-up subscription can replay the checkpoint's own event (KurrentDB #4970).
          if (event.checkpoint === after) continue;
          yield event;
        }
      },
      close: () => subscription.unsubscribe(),
    };
  }

  compareCheckpoints(a: string, b: string): number {
    const [x, y] = [parseCheckpoint(a), parseCheckpoint(b)];
    const order = (p: bigint, q: bigint) => (p < q ? -1 : p > q ? 1 : 0);
    return order(x.commit, y.commit) || order(x.prepare, y.prepare);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (expected === 'any') return ANY;
  return expected;
}

function toEventData(event: NewEvent) {
  const { occurredAt, ...rest } = event.metadata;
  const metadata: StoredMetadata = {
    ...rest,
    occurredAt: occurredAt.toISOString(),
    schemaVersion: event.schemaVersion,
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as Record<string, unknown>, metadata });
}

function parseCheckpoint(checkpoint: string): { commit: bigint; prepare: bigint } {
  const match = /^(\d+)\/(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not an EventStoreDB checkpoint: ${checkpoint}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new Error('a resolved event without its event (a deleted link target)');
  const { schemaVersion, occurredAt, ...metadata } = event.metadata as unknown as StoredMetadata;
  const position = event.position ?? { commit: 0n, prepare: 0n };
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: { ...metadata, occurredAt: new Date(occurredAt) },
    stream: event.streamId,
    revision: event.revision,
    globalPosition: position.commit,
    checkpoint: `${position.commit}/${position.prepare}`,
    recordedAt: event.created,
  };
}
