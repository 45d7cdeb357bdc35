import { randomUUID } from 'node:crypto';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type EventStore, PostgresEventStore, type RecordedEvent } from '@vax/event-sourcing';
import type { OutgoingMessage, Projection } from '@vax/messaging';
import { createTestDatabase, eventually, type TestDatabase } from '@vax/testing';
import { Pool, type PoolClient } from 'pg';
import { PG_POOL } from '../database/database.module';
import { LifecycleState } from '../health/lifecycle.state';
import { MESSAGE_SINK } from '../messaging/message-sink.provider';
import { PLATFORM_CONFIG, type PlatformConfig } from '../platform.module';
import { EVENT_STORE, EventSourcingModule } from './event-sourcing.module';

// EVENT_STORE selects the store the event-sourcing module builds; the publisher and the projections
// reach it through the EventStore port only. PostgreSQL is exercised end to end here; KurrentDB is
// only built (its client connects lazily): no server is reachable on this machine kind.

const published: OutgoingMessage[] = [];
const seen: Projection = {
  name: 'seen_events',
  version: 1,
  createTable: async (tx: PoolClient, table: string) =>
    void (await tx.query(`create table ${table} (id uuid primary key)`)),
  apply: async (tx: PoolClient, table: string, event: RecordedEvent) =>
    void (await tx.query(`insert into ${table} values ($1) on conflict do nothing`, [event.id])),
};

function appModule(pool: Pool, config: Partial<PlatformConfig>, withReaders: boolean) {
  @Global()
  @Module({
    providers: [
      { provide: PG_POOL, useValue: pool },
      { provide: PLATFORM_CONFIG, useValue: config },
      {
        provide: MESSAGE_SINK,
        useValue: { publish: async (m: OutgoingMessage[]) => void published.push(...m), close: async () => undefined },
      },
      LifecycleState,
    ],
    exports: [PG_POOL, PLATFORM_CONFIG, MESSAGE_SINK, LifecycleState],
  })
  class Infrastructure {}
  const service = `selection-${randomUUID().slice(0, 8)}`;
  @Module({
    imports: [
      Infrastructure,
      EventSourcingModule.forService({
        service,
        migrations: [],
        ...(withReaders
          ? {
              toMessage: (e: RecordedEvent) => ({
                topic: 'test.selection.v1',
                key: e.stream,
                message: { eventId: e.id, type: e.type } as never,
              }),
              projections: [seen],
            }
          : {}),
      }),
    ],
  })
  class App {}
  return App;
}

describe('the event store the EVENT_STORE setting selects', () => {
  let db: TestDatabase;
  let pool: Pool;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('event_store_selection');
    pool = new Pool({ connectionString: db.url });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await pool?.end();
    await db?.drop();
  });

  it('postgres: the module builds the PostgreSQL store, and the publisher and projections work through the port', async () => {
    app = await NestFactory.createApplicationContext(appModule(pool, { EVENT_STORE: 'postgres' }, true), {
      logger: false,
    });
    await app.init();
    const store = app.get<EventStore>(EVENT_STORE);
    expect(store).toBeInstanceOf(PostgresEventStore);
    const id = randomUUID();
    await store.append(
      `thing-${id}`,
      [
        {
          id,
          type: 'Happened',
          schemaVersion: 1,
          data: {},
          metadata: {
            correlationId: id,
            causationId: null,
            actor: { id: 'a', role: 'r', scope: 's' },
            occurredAt: new Date(),
          },
        },
      ],
      'no_stream',
    );
    await eventually(async () => expect(published.map((m) => m.message.eventId)).toContain(id));
    await eventually(async () => expect((await pool.query('select id from seen_events')).rows).toEqual([{ id }]));
    await app.close();
    app = undefined;
  }, 60_000);

  it('kurrentdb: the module builds the KurrentDB store from KURRENTDB_URL (built only: no server here)', async () => {
    const config = { EVENT_STORE: 'kurrentdb' as const, KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' };
    app = await NestFactory.createApplicationContext(appModule(pool, config, false), { logger: false });
    await app.init();
    expect(app.get<EventStore>(EVENT_STORE).constructor.name).toBe('EventStoreDbEventStore');
    // Readiness asks the store itself, which is not there: red, never a false green.
    const probe = app.get(LifecycleState).componentProbes.get('eventStore')!;
    await expect(probe()).rejects.toThrow();
    process.stderr.write(
      '\n!!! EVENT_STORE=kurrentdb: store selected and built, NOT EXERCISED against a server (none reachable).\n',
    );
  }, 60_000);
});
