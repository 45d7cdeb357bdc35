import type { Pool, PoolClient } from 'pg';

export type InboxOutcome = 'applied' | 'already-applied';

/**
 * Applies a message's effect at most once per consumer: the message id is recorded in the same
 * transaction as the effect, so a redelivery (at-least-once transport, a publisher that restarted
 * before its checkpoint) finds it and does nothing.
 */
export class Inbox {
  constructor(
    private readonly pool: Pool,
    readonly consumer: string,
  ) {}

  async runOnce(messageId: string, effect: (tx: PoolClient) => Promise<void>): Promise<InboxOutcome> {
    const tx = await this.pool.connect();
    try {
      await tx.query('begin');
      const { rowCount } = await tx.query(
        'insert into inbox_processed (consumer, message_id) values ($1, $2) on conflict do nothing',
        [this.consumer, messageId],
      );
      if (rowCount === 0) {
        await tx.query('rollback');
        return 'already-applied';
      }
      await effect(tx);
      await tx.query('commit');
      return 'applied';
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  /**
   * Forgets message ids recorded before `before`, in batches (a redelivery older than the transports'
   * retention cannot come). Returns how many went. For every consumer of the database at once.
   */
  static async prune(pool: Pool, before: Date, batch = 10_000): Promise<number> {
    let removed = 0;
    for (;;) {
      const { rowCount } = await pool.query(
        `delete from inbox_processed where ctid in (
           select ctid from inbox_processed where processed_at < $1 limit $2)`,
        [before, batch],
      );
      removed += rowCount ?? 0;
      if ((rowCount ?? 0) < batch) return removed;
    }
  }
}
