import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Inbox } from '@vax/messaging';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';

/** Longer than any transport keeps a message (Kafka topics: 7 days), so no redelivery is missed. */
export const INBOX_RETENTION_DAYS = 14;
const EVERY_MS = 60 * 60_000;

/**
 * Deletes the inbox's record of messages older than the retention, hourly, so `inbox_processed`
 * does not grow for ever. Every replica may run it: a delete by age is the same done twice.
 */
@Injectable()
export class InboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InboxRetention');
  private timer?: NodeJS.Timeout;

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async prune(now = new Date()): Promise<number> {
    try {
      return await Inbox.prune(this.pool, new Date(now.getTime() - INBOX_RETENTION_DAYS * 86_400_000));
    } catch (error) {
      // The next hour tries again; a database away now is no reason to stop the service.
      this.logger.warn(`inbox retention deferred: ${(error as Error).message}`);
      return 0;
    }
  }
}
