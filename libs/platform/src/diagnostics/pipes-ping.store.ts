import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';

export interface PingReceipt {
  pingId: string;
  from: string;
  sentAt: string;
  receivedAt: string;
}

/** Receipts in the service's own database: redelivery of the same ping is absorbed by its key. */
@Injectable()
export class PipesPingStore implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onModuleInit(): Promise<void> {
    await this.pool.query(`create table if not exists diagnostic_ping_receipts (
      ping_id uuid primary key, from_service text not null, sent_at timestamptz not null,
      received_at timestamptz not null default now())`);
  }

  async record(pingId: string, from: string, sentAt: string): Promise<void> {
    await this.pool.query(
      `insert into diagnostic_ping_receipts (ping_id, from_service, sent_at) values ($1, $2, $3)
       on conflict (ping_id) do nothing`,
      [pingId, from, sentAt],
    );
  }

  async find(pingId: string): Promise<PingReceipt | undefined> {
    const { rows } = await this.pool.query(
      `select ping_id, from_service, sent_at, received_at from diagnostic_ping_receipts where ping_id = $1`,
      [pingId],
    );
    const row = rows[0];
    return (
      row && {
        pingId: row.ping_id,
        from: row.from_service,
        sentAt: row.sent_at.toISOString(),
        receivedAt: row.received_at.toISOString(),
      }
    );
  }
}
