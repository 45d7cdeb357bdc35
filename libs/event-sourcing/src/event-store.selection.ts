import type { Pool } from 'pg';
import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres.event-store';

/** The event stores a service can keep its events in (setting EVENT_STORE). */
export const EVENT_STORE_KINDS = ['postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

export interface EventStoreSelection {
  kind: EventStoreKind;
  /** The service's own database: the store itself with postgres; checkpoints and read models either way. */
  pool: Pool;
  /** PostgreSQL only: honour `durability: 'deferred'` (see PostgresEventStoreOptions). */
  deferredAppends?: boolean;
  /** kurrentdb only: the connection string of the service's own KurrentDB server. */
  kurrentdbUrl?: string;
}

/** Reads EVENT_STORE as a command-line tool gets it (services validate it with their config). */
export function eventStoreKind(value: string | undefined): EventStoreKind {
  const kind = value ?? 'postgres';
  if ((EVENT_STORE_KINDS as readonly string[]).includes(kind)) return kind as EventStoreKind;
  throw new Error(`EVENT_STORE must be one of ${EVENT_STORE_KINDS.join(', ')} (got ${kind})`);
}

/**
 * Builds the selected store behind the one port. The KurrentDB client (gRPC, protobuf) is loaded
 * only when KurrentDB is selected, so a PostgreSQL install never loads it.
 */
export async function openEventStore(selection: EventStoreSelection): Promise<EventStore> {
  switch (selection.kind) {
    case 'postgres':
      return new PostgresEventStore(selection.pool, { deferredAppends: selection.deferredAppends });
    case 'kurrentdb': {
      if (!selection.kurrentdbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL');
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb.event-store');
      return new EventStoreDbEventStore(selection.kurrentdbUrl);
    }
    default: {
      const unknown: never = selection.kind;
      throw new Error(`unknown event store: ${String(unknown)}`);
    }
  }
}
