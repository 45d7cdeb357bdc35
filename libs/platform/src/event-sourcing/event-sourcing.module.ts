import { type DynamicModule, Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, migrate } from '@vax/event-sourcing';
import { MESSAGING_MIGRATIONS } from '@vax/messaging';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
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

/** The service's event store (its own database), its migrations, and the publisher of its events. */
@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PostgresEventStore(pool, { deferredAppends: options.deferredAppends }),
        },
        Migrator,
        InboxRetention,
        PublisherHost,
        ProjectionsHost,
      ],
      exports: [EVENT_STORE],
    };
  }
}
