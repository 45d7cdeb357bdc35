import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { EVENT_SOURCING_OPTIONS as OPTIONS, EVENT_STORE, type EventSourcingOptions } from './event-sourcing.tokens';
import { CheckpointStore, type MessageSink, StoreTailPublisher } from '@vax/messaging';
import { MESSAGE_SINK } from '../messaging/message-sink.provider';
import { whileHoldingLock } from './exclusive-lock';

/**
 * Runs the store-tail publisher while this process holds the publisher lock of its database, so
 * two instances of a service never publish side by side; another instance takes over when it stops.
 */
@Injectable()
export class PublisherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('publisher');
  private publisher?: StoreTailPublisher;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MESSAGE_SINK) private readonly sink: MessageSink,
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.toMessage || this.options.publish === false) return;
    this.running = this.holdLockAndPublish().catch((error: unknown) =>
      this.logger.error(`publisher stopped: ${String(error)}`),
    );
  }

  private holdLockAndPublish(): Promise<void> {
    return whileHoldingLock(
      this.pool,
      `publisher:${this.options.service}`,
      () => this.stopped,
      async (lost) => {
        const publisher = new StoreTailPublisher(this.store, new CheckpointStore(this.pool), this.sink, {
          name: `publisher:${this.options.service}`,
          toMessage: this.options.toMessage!,
          upcasters: this.options.upcasters,
        });
        this.publisher = publisher;
        lost.addEventListener('abort', () => publisher.stop());
        this.logger.log(`publishing ${this.options.service}'s events`);
        await publisher.run();
      },
      (error, retryInMs) => this.logger.error(`publisher failed, retrying in ${retryInMs} ms: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.publisher?.stop();
    await this.running;
  }
}
