import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Connection } from '@temporalio/client';

/**
 * One lazily opened connection to the Temporal frontend. A failed attempt is forgotten, so the next
 * call tries again: the service starts, and reports not-ready, while Temporal is away.
 */
@Injectable()
export class TemporalConnection implements OnApplicationShutdown {
  private pending?: Promise<Connection>;

  constructor(
    readonly address: string,
    readonly namespace: string,
  ) {}

  get(): Promise<Connection> {
    if (!this.pending) {
      this.pending = Connection.connect({ address: this.address, connectTimeout: 2_000 });
      this.pending.catch(() => (this.pending = undefined));
    }
    return this.pending;
  }

  async onApplicationShutdown(): Promise<void> {
    const conn = await this.pending?.catch(() => undefined);
    await conn?.close();
  }
}
