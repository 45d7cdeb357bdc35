import type { Decider } from './decider';
import type { EventMetadata, NewEvent } from './event-envelope';
import { type EventStore, type ExpectedRevision, WrongExpectedRevisionError } from './event-store.port';
import { handleCommand } from './command-handler';
import { InMemoryEventStore } from './in-memory/in-memory.event-store';
import { UpcasterChain } from './upcasting';

// A tiny counter with a ceiling: enough to show load, fold, decide, append and retry.
type Counted = { type: 'Counted'; data: { by: number } };
type Count = { by: number; ceiling: number };
const counter: Decider<number, Count, Counted> = {
  initialState: () => 0,
  decide: ({ by, ceiling }, total) => {
    if (total + by > ceiling) throw new Error(`over the ceiling of ${ceiling}`);
    return by === 0 ? [] : [{ type: 'Counted', data: { by } }];
  },
  evolve: (total, event) => total + event.data.by,
};

const metadata: EventMetadata = {
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'u1', role: 'site-staff', scope: 'site:1' },
  occurredAt: new Date('2021-11-05T00:00:00Z'),
};

/** Lets another writer slip in an append just before the first `times` appends of the handler. */
class RacingStore extends InMemoryEventStore {
  constructor(private times: number) {
    super();
  }
  override async append(stream: string, events: NewEvent[], expected: ExpectedRevision) {
    if (this.times-- > 0)
      await super.append(stream, [{ ...events[0], id: `rival-${this.times}`, data: { by: 1 } }], 'any');
    return super.append(stream, events, expected);
  }
}

describe('handleCommand: load, fold, decide, append with the expected revision', () => {
  it('appends the decided events to a new stream and returns the new state', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(store, counter, 'c-1', { by: 2, ceiling: 10 }, metadata);
    expect(result).toMatchObject({ state: 2, revision: 0n, events: [{ type: 'Counted', data: { by: 2 } }] });
    const [stored] = await store.readStream('c-1');
    expect(stored).toMatchObject({ type: 'Counted', schemaVersion: 1, metadata });
    expect(stored.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7
  });

  it('decides on the folded history of the stream', async () => {
    const store = new InMemoryEventStore();
    await handleCommand(store, counter, 'c-1', { by: 6, ceiling: 10 }, metadata);
    await expect(handleCommand(store, counter, 'c-1', { by: 5, ceiling: 10 }, metadata)).rejects.toThrow(
      'over the ceiling',
    );
    expect(await store.readStream('c-1')).toHaveLength(1);
  });

  it('writes nothing when the decider decides nothing', async () => {
    const store = new InMemoryEventStore();
    const result = await handleCommand(store, counter, 'c-1', { by: 0, ceiling: 10 }, metadata);
    expect(result).toEqual({ state: 0, events: [], revision: 'no_stream' });
    expect(await store.readStream('c-1')).toEqual([]);
  });

  it('on a conflict, reloads and decides again on the newer state', async () => {
    const store = new RacingStore(2);
    const result = await handleCommand(store, counter, 'c-1', { by: 3, ceiling: 10 }, metadata);
    expect(result.state).toBe(5); // two rival increments of 1, then ours
    expect((await store.readStream('c-1')).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
  });

  it('after a reload, a command that no longer fits fails instead of overwriting', async () => {
    const store = new RacingStore(1);
    await expect(handleCommand(store, counter, 'c-1', { by: 10, ceiling: 10 }, metadata)).rejects.toThrow(
      'over the ceiling',
    );
  });

  it('gives up after the retry limit with the conflict', async () => {
    const store = new RacingStore(10);
    const handled = handleCommand(store, counter, 'c-1', { by: 1, ceiling: 100 }, metadata, { maxRetries: 2 });
    await expect(handled).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('skips the first load for a stream known to be new, and still refuses to write over one that exists', async () => {
    const store = new InMemoryEventStore();
    expect(
      (await handleCommand(store, counter, 'c-new', { by: 2, ceiling: 10 }, metadata, { newStream: true })).state,
    ).toBe(2);
    const again = await handleCommand(store, counter, 'c-new', { by: 3, ceiling: 10 }, metadata, { newStream: true });
    expect(again.state).toBe(5); // the conflict reloaded the stream and decided on it
    expect((await store.readStream('c-new')).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('folds old schema versions through the upcasters and writes new events at the current version', async () => {
    const store: EventStore = new InMemoryEventStore();
    await store.append(
      'c-1',
      [{ id: 'e1', type: 'Counted', schemaVersion: 1, data: { amount: 4 }, metadata }],
      'no_stream',
    );
    const upcasters = new UpcasterChain().register('Counted', 1, (d) => ({ by: (d as { amount: number }).amount }));
    const result = await handleCommand(store, counter, 'c-1', { by: 1, ceiling: 10 }, metadata, { upcasters });
    expect(result.state).toBe(5);
    expect((await store.readStream('c-1'))[1].schemaVersion).toBe(2);
  });

  it('does not decide again a command whose key is on the stream: the answer is the state its events left', async () => {
    const store = new InMemoryEventStore();
    const once = { idempotencyKey: 'step-1' };
    await handleCommand(store, counter, 'c-1', { by: 2, ceiling: 10 }, metadata, once);
    await handleCommand(store, counter, 'c-1', { by: 3, ceiling: 10 }, metadata);
    const again = await handleCommand(store, counter, 'c-1', { by: 2, ceiling: 10 }, metadata, once);
    expect(again).toEqual({ state: 2, events: [], revision: 1n });
    const stored = await store.readStream('c-1');
    expect(stored.map((e) => e.metadata.causationId)).toEqual(['step-1', null]);
  });

  it('builds the command from the state each attempt decides on, and the metadata from the command', async () => {
    const store = new RacingStore(1);
    const seen: number[] = [];
    const result = await handleCommand(
      store,
      counter,
      'c-1',
      (total: number) => (seen.push(total), { by: total + 1, ceiling: 10 }),
      (command) => ({ ...metadata, correlationId: `by-${command.by}` }),
    );
    expect(seen).toEqual([0, 1]); // the rival's append made the first command stale: built again
    expect(result.state).toBe(3);
    expect((await store.readStream('c-1'))[1].metadata.correlationId).toBe('by-2');
  });
});
