import { InMemoryEventStore, type RecordedEvent, UpcasterChain } from '@vax/event-sourcing';
import type { CheckpointStore } from '../checkpoints/checkpoint.store';
import type { OutgoingMessage } from './outgoing-message';
import { outgoing } from './public-message.mapping';
import { StoreTailPublisher } from './store-tail.publisher';

const checkpoints = () => {
  const saved = new Map<string, string>();
  return {
    load: async (name: string) => saved.get(name),
    save: async (name: string, checkpoint: string) => void saved.set(name, checkpoint),
  } as unknown as CheckpointStore;
};
const sentTo = (sent: OutgoingMessage[]) => ({
  publish: async (messages: OutgoingMessage[]) => void sent.push(...messages),
  close: async () => undefined,
});
const visit = (schemaVersion: number, data: object) => ({
  id: crypto.randomUUID(),
  type: 'SiteVisited',
  schemaVersion,
  data,
  metadata: {
    correlationId: 'c',
    causationId: null,
    actor: { id: 'a', role: 'r', scope: 's' },
    occurredAt: new Date(),
  },
});

describe('the store-tail publisher and old event versions', () => {
  it('maps every event in its current version: one stored in an older version is upcast first', async () => {
    const store = new InMemoryEventStore();
    await store.append('visits-1', [visit(1, { site: 'LC-TD-01' }), visit(2, { siteId: 'LC-SH-02' })], 'no_stream');
    const upcasters = new UpcasterChain().register('SiteVisited', 1, (data) => ({
      siteId: (data as { site: string }).site,
    }));
    const sent: OutgoingMessage[] = [];
    const toMessage = (e: RecordedEvent) => outgoing('visits.v1', e, 'SiteVisited', 'visits-1', e.data as object);
    const publisher = new StoreTailPublisher(store, checkpoints(), sentTo(sent), { name: 'p', toMessage, upcasters });
    expect(await publisher.publishPending()).toBe(2);
    expect(sent.map((m) => m.message.payload)).toEqual([{ siteId: 'LC-TD-01' }, { siteId: 'LC-SH-02' }]);
  });
});
