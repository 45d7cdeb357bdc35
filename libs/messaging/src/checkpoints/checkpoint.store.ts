import type { Pool, PoolClient } from 'pg';

/** Checkpoints of log readers, in PostgreSQL; saved inside the caller's transaction when given one. */
export class CheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(name: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ checkpoint: string }>(
      'select checkpoint from subscription_checkpoints where name = $1',
      [name],
    );
    return rows[0]?.checkpoint;
  }

  async save(name: string, checkpoint: string, tx: Pool | PoolClient = this.pool): Promise<void> {
    await tx.query(
      `insert into subscription_checkpoints (name, checkpoint) values ($1, $2)
       on conflict (name) do update set checkpoint = excluded.checkpoint, updated_at = now()`,
      [name, checkpoint],
    );
  }

  /** Every checkpoint whose name starts with `prefix`. */
  async loadAll(prefix: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ name: string; checkpoint: string }>(
      'select name, checkpoint from subscription_checkpoints where starts_with(name, $1)',
      [prefix],
    );
    return new Map(rows.map((r) => [r.name, r.checkpoint]));
  }

  async reset(name: string): Promise<void> {
    await this.pool.query('delete from subscription_checkpoints where name = $1', [name]);
  }
}
