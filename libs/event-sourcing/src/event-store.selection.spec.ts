import type { Pool } from 'pg';

// The KurrentDB client counts as loaded once its module factory runs (jest runs it on first require).
let kurrentLoaded = false;
jest.mock('@kurrent/kurrentdb-client', () => {
  kurrentLoaded = true;
  return jest.requireActual('@kurrent/kurrentdb-client');
});

import { EVENT_STORE_KINDS, eventStoreKind, openEventStore } from './event-store.selection';
import { PostgresEventStore } from './postgres/postgres.event-store';

const pool = {} as Pool; // neither store touches it when built

describe('selecting the event store', () => {
  it('builds the PostgreSQL store for postgres, without loading the KurrentDB client', async () => {
    // The library's entry point, as every service imports it, must not load it either.
    await import('./index');
    const store = await openEventStore({ kind: 'postgres', pool });
    expect(store).toBeInstanceOf(PostgresEventStore);
    expect(kurrentLoaded).toBe(false);
  });

  it('builds the KurrentDB store for kurrentdb, loading its client only then (no server needed to build it)', async () => {
    const store = await openEventStore({
      kind: 'kurrentdb',
      pool,
      kurrentdbUrl: 'kurrentdb://127.0.0.1:2113?tls=false',
    });
    expect(kurrentLoaded).toBe(true);
    expect(store.constructor.name).toBe('EventStoreDbEventStore');
    await store.close();
  });

  it('reads the setting as tools get it: postgres by default, an unknown store refused by name', () => {
    expect([eventStoreKind(undefined), eventStoreKind('kurrentdb')]).toEqual(['postgres', 'kurrentdb']);
    expect(() => eventStoreKind('mongodb')).toThrow('EVENT_STORE must be one of postgres, kurrentdb (got mongodb)');
  });

  it('refuses kurrentdb without its address', async () => {
    await expect(openEventStore({ kind: 'kurrentdb', pool })).rejects.toThrow('KURRENTDB_URL');
    expect(EVENT_STORE_KINDS).toEqual(['postgres', 'kurrentdb']);
  });
});
