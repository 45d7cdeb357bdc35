import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { EVENT_STORE_MIGRATIONS, type EventStore, migrate, openEventStore } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { PLATFORM_CONFIG, type PlatformConfig } from '../platform.module';
import { LifecycleState } from '../health/lifecycle.state';
import { EVENT_SOURCING_OPTIONS as OPTIONS, EVENT_STORE, type EventSourcingOptions } from './event-sourcing.tokens';
import { InboxRetention } from './inbox-retention';
import { ProjectionsHost } from './projections.host';
import { PublisherHost } from './publisher.host';

export { EVENT_STORE, type EventSourcingOptions } from './event-sourcing.tokens';

@Injectable()
class Migrator implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.pool, [...EVENT_STORE_MIGRATIONS, ...MESSAGING_MIGRATIONS, ...this.options.migrations]);
  }
}

/** Closes the store's own connections (KurrentDB's client; PostgreSQL's pool belongs to the database module). */
@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** With KurrentDB, readiness checks the store too (PostgreSQL's is the database probe already). */
@Injectable()
class EventStoreProbe implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly lifecycle: LifecycleState,
  ) {}

  onModuleInit(): void {
    if (this.config.EVENT_STORE !== 'kurrentdb') return;
    this.lifecycle.registerProbe('eventStore', async () => void (await this.store.readAll({ maxCount: 1 })));
  }
}

/**
 * The service's event store, its migrations, and the publisher of its events. EVENT_STORE selects
 * the store (its own PostgreSQL database by default, or KurrentDB); the publisher, projections and
 * everything else use it through the EventStore port only.
 */
@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL, PLATFORM_CONFIG],
          useFactory: (pool: Pool, config: PlatformConfig) =>
            openEventStore({
              kind: config.EVENT_STORE ?? 'postgres',
              pool,
              deferredAppends: options.deferredAppends,
              kurrentdbUrl: config.KURRENTDB_URL,
            }),
        },
        EventStoreCloser,
        EventStoreProbe,
        Migrator,
        InboxRetention,
        PublisherHost,
        ProjectionsHost,
      ],
      exports: [EVENT_STORE],
    };
  }
}
