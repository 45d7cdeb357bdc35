import type { EventStore, RecordedEvent, UpcasterChain } from '@vax/event-sourcing';
import type { Pool } from 'pg';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import { inTransaction } from '../transaction';
import { type Projection, projectionTable } from './projection';

export interface ProjectionRunnerOptions {
  /** Events read per transaction. */
  batchSize?: number;
  /** Lifts events stored in an older version to the one the projection is written for. */
  upcasters?: UpcasterChain;
}

/**
 * Feeds one version of a projection from the log: each batch of events and the checkpoint commit in
 * one transaction, so a crash anywhere leaves the read model exactly at its checkpoint.
 * The view named after the projection points at the version that serves reads.
 */
export class ProjectionRunner {
  private stopped = false;
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly projection: Projection,
    private readonly version = projection.version,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.table = projectionTable(projection, version);
  }

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  private async read(after: string | undefined): Promise<RecordedEvent[]> {
    const batch = await this.store.readAll({ after, maxCount: this.batchSize });
    const upcasters = this.options.upcasters;
    return upcasters ? batch.map((e) => upcasters.upcast(e)) : batch;
  }

  private get checkpointName(): string {
    return `projection:${this.table}`;
  }

  async prepare(): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [this.table]);
      const { rows } = await tx.query('select to_regclass($1) as t', [this.table]);
      if (!rows[0].t) await this.projection.createTable(tx, this.table);
    });
  }

  /**
   * Applies every event committed so far; returns how many it applied. With `untilPartialBatch` it
   * returns after the first batch that was not full: the caller waits before reading again.
   */
  async catchUp({ untilPartialBatch = false } = {}): Promise<number> {
    const checkpoints = new CheckpointStore(this.pool);
    let total = 0;
    // Loaded once a pass: within it only this runner moves the checkpoint (the caller holds the lock).
    let after = await checkpoints.load(this.checkpointName);
    for (;;) {
      const batch = await this.read(after);
      if (this.stopped) return total;
      if (batch.length === 0) {
        if (untilPartialBatch || !(await this.store.hasEventsAfter(after))) return total;
        await new Promise((resolve) => setTimeout(resolve, 20)); // behind an older transaction still running
        continue;
      }
      const checkpoint = batch[batch.length - 1].checkpoint;
      await inTransaction(this.pool, async (tx) => {
        if (this.projection.applyBatch) await this.projection.applyBatch(tx, this.table, batch);
        else for (const event of batch) await this.projection.apply(tx, this.table, event);
        await checkpoints.save(this.checkpointName, checkpoint, tx);
      });
      after = checkpoint;
      total += batch.length;
      if (untilPartialBatch && batch.length < this.batchSize) return total;
    }
  }

  /**
   * Runs until stop(), looking again idleWaitMs after each partial batch. Reading again at once under
   * a steady stream of appends would apply a handful of events a transaction (five round trips each);
   * waiting lets the next batch fill, and reads lag the log by at most about idleWaitMs.
   */
  async run(idleWaitMs = 200): Promise<void> {
    await this.prepare();
    while (!this.stopped) {
      await this.catchUp({ untilPartialBatch: true });
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, idleWaitMs));
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** Points the projection's view at this version's table. */
  async serveReads(): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query(`create or replace view ${this.projection.name} as select * from ${this.table}`);
      for (const suffix of this.projection.companions ?? [])
        await tx.query(
          `create or replace view ${this.projection.name}_${suffix} as select * from ${this.table}_${suffix}`,
        );
    });
  }
}

/**
 * Rebuilds a projection from the start of the log into the table of a new version, then switches
 * reads to it. The old version's table stays until dropped by hand, for comparison and rollback.
 */
export async function rebuildProjection(
  pool: Pool,
  store: EventStore,
  projection: Projection,
  version: number,
  upcasters?: UpcasterChain,
) {
  const runner = new ProjectionRunner(pool, store, projection, version, { upcasters });
  await pool.query(`drop view if exists ${projection.name}`);
  for (const suffix of projection.companions ?? [])
    await pool.query(`drop view if exists ${projection.name}_${suffix}`);
  await runner.prepare();
  const applied = await runner.catchUp();
  await runner.serveReads();
  return { table: runner.table, applied };
}
