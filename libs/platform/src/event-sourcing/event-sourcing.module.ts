import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  EVENT_STORE_MIGRATIONS,
  type Migration,
  PostgresEventStore,
  type RecordedEvent,
  migrate,
} from '@vax/event-sourcing';
import {
  CheckpointStore,
  MESSAGING_MIGRATIONS,
  type MessageSink,
  type OutgoingMessage,
  StoreTailPublisher,
} from '@vax/messaging';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { MESSAGE_SINK } from '../messaging/message-sink.provider';

export const EVENT_STORE = Symbol('EVENT_STORE');
const OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');

export interface EventSourcingOptions {
  service: string;
  /** The service's own tables, after the event store's and messaging's. */
  migrations: Migration[];
  /** Maps stored events to public messages; the publisher runs when given. */
  toMessage?: (event: RecordedEvent) => OutgoingMessage | null;
  /** PUBLISHER_ENABLED: false leaves publishing to another instance. */
  publish?: boolean;
}

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

/**
 * Runs the store-tail publisher while this process holds the publisher lock of its database, so
 * two instances of a service never publish side by side; another instance takes over when it stops.
 */
@Injectable()
class PublisherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('publisher');
  private publisher?: StoreTailPublisher;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(MESSAGE_SINK) private readonly sink: MessageSink,
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.toMessage || this.options.publish === false) return;
    this.running = this.holdLockAndPublish().catch((error: unknown) =>
      this.logger.error(`publisher stopped: ${String(error)}`),
    );
  }

  private async holdLockAndPublish(): Promise<void> {
    const lockHolder = await this.pool.connect();
    try {
      while (!this.stopped) {
        const { rows } = await lockHolder.query('select pg_try_advisory_lock(hashtext($1)) as locked', [
          `publisher:${this.options.service}`,
        ]);
        if (rows[0].locked) break;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      if (this.stopped) return;
      this.publisher = new StoreTailPublisher(this.store, new CheckpointStore(this.pool), this.sink, {
        name: `publisher:${this.options.service}`,
        toMessage: this.options.toMessage!,
      });
      this.logger.log(`publishing ${this.options.service}'s events`);
      await this.publisher.run();
    } finally {
      lockHolder.release(true); // closing the session releases the advisory lock
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.publisher?.stop();
    await this.running;
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
        { provide: EVENT_STORE, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
        Migrator,
        PublisherHost,
      ],
      exports: [EVENT_STORE],
    };
  }
}
