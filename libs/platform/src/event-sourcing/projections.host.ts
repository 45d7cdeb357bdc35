import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/database.module';
import { EVENT_SOURCING_OPTIONS as OPTIONS, EVENT_STORE, type EventSourcingOptions } from './event-sourcing.tokens';
import { type Projection, ProjectionRunner } from '@vax/messaging';
import { LifecycleState } from '../health/lifecycle.state';
import { whileHoldingLock } from './exclusive-lock';

/**
 * Feeds the service's projections while this process holds their lock. For each: the table of the
 * code's version is created if missing and caught up from the start of the log (reads stay on the
 * previous version's table meanwhile), then the projection's view is switched to it.
 */
@Injectable()
export class ProjectionsHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projections');
  private readonly runners: ProjectionRunner[] = [];
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OPTIONS) private readonly options: EventSourcingOptions,
    private readonly lifecycle: LifecycleState,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.projections?.length) return;
    // Ready only once every projection serves reads: until its first catch-up creates the view, a
    // query on it fails (on a first start, or in a process that waits for another's lock).
    const views = this.options.projections.map((p) => p.name);
    this.lifecycle.registerProbe('projections', async () => {
      const { rows } = await this.pool.query<{ view: string }>(
        'select v as view from unnest($1::text[]) as v where to_regclass(v) is null',
        [views],
      );
      if (rows.length > 0) throw new Error(`not serving reads yet: ${rows.map((r) => r.view).join(', ')}`);
    });
    this.running = this.holdLockAndRun().catch((error: unknown) =>
      this.logger.error(`projections stopped: ${String(error)}`),
    );
  }

  private holdLockAndRun(): Promise<void> {
    return whileHoldingLock(
      this.pool,
      `projections:${this.options.service}`,
      () => this.stopped,
      async (lost) => {
        this.runners.forEach((r) => r.stop()); // those of an attempt that failed
        this.runners.length = 0;
        lost.addEventListener('abort', () => this.runners.forEach((r) => r.stop()));
        await Promise.all((this.options.projections ?? []).map((projection) => this.serve(projection, lost)));
      },
      (error, retryInMs) => this.logger.error(`projections failed, retrying in ${retryInMs} ms: ${String(error)}`),
    );
  }

  private async serve(projection: Projection, lost: AbortSignal): Promise<void> {
    const runner = new ProjectionRunner(this.pool, this.store, projection, projection.version, {
      upcasters: this.options.upcasters,
    });
    this.runners.push(runner);
    await runner.prepare();
    const applied = await runner.catchUp();
    // A catch-up cut short must not switch reads to a table that is behind.
    if (this.stopped || lost.aborted) return;
    await runner.serveReads();
    this.logger.log(`${runner.table} serves reads (caught up with ${applied} events)`);
    if (!this.stopped) await runner.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.runners.forEach((r) => r.stop());
    await this.running;
  }
}
