import { eventStoreContract } from '../testing/event-store.contract';
import { InMemoryEventStore } from './in-memory.event-store';

eventStoreContract('in-memory', async () => ({ store: new InMemoryEventStore(), teardown: async () => undefined }), {
  concurrentTransactions: false,
});
