import type { Migration, RecordedEvent, UpcasterChain } from '@vax/event-sourcing';
import type { OutgoingMessage, Projection } from '@vax/messaging';

export const EVENT_STORE = Symbol('EVENT_STORE');
export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

export interface EventSourcingOptions {
  service: string;
  /** The service's own tables, after the event store's and messaging's. */
  migrations: Migration[];
  /** Maps stored events to public messages; the publisher runs when given. */
  toMessage?: (event: RecordedEvent) => OutgoingMessage | null;
  /** PUBLISHER_ENABLED: false leaves publishing to another instance. */
  publish?: boolean;
  /**
   * The store honours appends made with `durability: 'deferred'` (see PostgresEventStoreOptions):
   * for a service whose callers repeat a request whose answer was lost, never for one whose writes
   * are the only record of something that happened.
   */
  deferredAppends?: boolean;
  /** Read models fed from the store; a new version is built beside the old one, then serves reads. */
  projections?: Projection[];
  /**
   * The service's upcasters: every reader the platform runs (publisher, projections) lifts events
   * stored in an older version with them, as handleCommand does for the service's commands.
   */
  upcasters?: UpcasterChain;
}
