import type { Decider } from './decider';
import type { EventMetadata } from './event-envelope';
import type { AppendOptions, StreamAppend } from './event-store.port';
import { decideInOrder, handleCommandBatch } from './command-batch';
import { InMemoryEventStore } from './in-memory/in-memory.event-store';

// Items added to a list once per id, at most `limit` of them: idempotent per id, and able to refuse.
type Added = { type: 'Added'; data: { id: string } };
type Add = { id: string; limit: number };
const list: Decider<string[], Add, Added> = {
  initialState: () => [],
  decide: ({ id, limit }, ids) => {
    if (ids.includes(id)) return [];
    if (ids.length >= limit) throw new Error(`no room for ${id}`);
    return [{ type: 'Added', data: { id } }];
  },
  evolve: (ids, event) => [...ids, event.data.id],
};

const metadata: EventMetadata = {
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'campaign', role: 'system', scope: 'province:LC' },
  occurredAt: new Date('2026-12-07T00:00:00Z'),
};
const commands = (...ids: string[]) => ids.map((id) => ({ command: { id, limit: 3 }, metadata }));

/** Counts multi-stream appends; lets a rival write to one stream just before the first `rivals` of them. */
class CountingStore extends InMemoryEventStore {
  appends = 0;
  constructor(private rivals = 0) {
    super();
  }
  override async appendToStreams(appends: StreamAppend[], options?: AppendOptions) {
    this.appends++;
    if (this.rivals-- > 0)
      await this.append(appends[0].stream, [{ ...appends[0].events[0], id: 'rival', data: { id: 'r' } }], 'any');
    return super.appendToStreams(appends, options);
  }
}

const ids = async (store: InMemoryEventStore, stream: string) =>
  (await store.readStream(stream)).map((e) => (e.data as { id: string }).id);

describe('decideInOrder: the commands of one stream, one after the other', () => {
  it('decides each on the state the ones before it left', () => {
    expect(
      decideInOrder(
        list,
        ['a'],
        [
          { id: 'b', limit: 3 },
          { id: 'b', limit: 3 },
          { id: 'c', limit: 3 },
        ],
      ),
    ).toEqual({
      state: ['a', 'b', 'c'],
      events: [[{ type: 'Added', data: { id: 'b' } }], [], [{ type: 'Added', data: { id: 'c' } }]],
    });
  });

  it('throws what the decider throws', () => {
    expect(() => decideInOrder(list, ['a', 'b', 'c'], [{ id: 'd', limit: 3 }])).toThrow('no room for d');
  });
});

describe('handleCommandBatch: many streams decided, then one append for all', () => {
  it('writes every stream in one multi-stream append, each command on its stream in order', async () => {
    const store = new CountingStore();
    await store.append(
      's-1',
      [{ id: 'e0', type: 'Added', schemaVersion: 1, data: { id: 'x' }, metadata }],
      'no_stream',
    );
    const outcomes = await handleCommandBatch(store, list, [
      { stream: 's-1', commands: commands('a', 'b') },
      { stream: 's-2', commands: commands('c') },
    ]);
    expect(store.appends).toBe(1);
    expect(await ids(store, 's-1')).toEqual(['x', 'a', 'b']);
    expect(await ids(store, 's-2')).toEqual(['c']);
    expect(outcomes.map((o) => [o.stream, o.state])).toEqual([
      ['s-1', ['x', 'a', 'b']],
      ['s-2', ['c']],
    ]);
  });

  it('writes nothing the second time the same batch comes (idempotent per id)', async () => {
    const store = new CountingStore();
    const batch = [
      { stream: 's-1', commands: commands('a', 'b') },
      { stream: 's-2', commands: commands('c') },
    ];
    await handleCommandBatch(store, list, batch);
    const again = await handleCommandBatch(store, list, batch);
    expect(again.map((o) => o.events)).toEqual([[[], []], [[]]]);
    expect(store.appends).toBe(1);
    expect(await ids(store, 's-1')).toEqual(['a', 'b']);
  });

  it('reloads and decides again when a stream moved, writing each command once', async () => {
    const store = new CountingStore(1);
    await handleCommandBatch(store, list, [
      { stream: 's-1', commands: commands('a') },
      { stream: 's-2', commands: commands('b') },
    ]);
    expect(store.appends).toBe(2);
    expect(await ids(store, 's-1')).toEqual(['r', 'a']); // the first attempt wrote nothing at all
    expect(await ids(store, 's-2')).toEqual(['b']);
  });

  it('fails the whole batch, writing nothing, when one command is refused', async () => {
    const store = new CountingStore();
    await handleCommandBatch(store, list, [{ stream: 's-1', commands: commands('a', 'b', 'c') }]);
    const refused = handleCommandBatch(store, list, [
      { stream: 's-2', commands: commands('d') },
      { stream: 's-1', commands: commands('e') },
    ]);
    await expect(refused).rejects.toThrow('no room for e');
    expect(await store.readStream('s-2')).toEqual([]);
  });
});
