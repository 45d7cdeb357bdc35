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
    return (await this.runOnceEach([messageId], (tx) => effect(tx))) === 1 ? 'applied' : 'already-applied';
  }

  /**
   * runOnce for a batch of messages in ONE transaction: the ids not seen before are recorded and
   * given to `effect`, which applies those only (the same id twice in the batch counts once). Returns
   * how many were new; none new: nothing runs. A failing effect rolls back the whole batch.
   */
  async runOnceEach(
    messageIds: string[],
    effect: (tx: PoolClient, fresh: ReadonlySet<string>) => Promise<void>,
  ): Promise<number> {
    const tx = await this.pool.connect();
    try {
      await tx.query('begin');
      const { rows } = await tx.query<{ message_id: string }>(
        `insert into inbox_processed (consumer, message_id) select $1, m from unnest($2::uuid[]) m
         on conflict do nothing returning message_id`,
        [this.consumer, [...new Set(messageIds)]],
      );
      if (rows.length === 0) {
        await tx.query('rollback');
        return 0;
      }
      await effect(tx, new Set(rows.map((r) => r.message_id)));
      await tx.query('commit');
      return rows.length;
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
