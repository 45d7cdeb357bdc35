import type { Pool } from 'pg';
import { fairShare } from './bus-buckets';

export interface LeaseRound {
  /** Buckets this member holds now, renewed until about `leaseMs` from the round's start. */
  held: number[];
  /** Held buckets above this member's fair share: to stop handling, then give back. */
  surplus: number[];
}

/**
 * Leases on a subscriber's buckets in the bus database, like a Kafka consumer group's assignment:
 * a bucket belongs to one member until its lease runs out; each round renews this member's leases,
 * takes free or lapsed ones up to its fair share of the live members (so a joining member gets
 * buckets given back by the others, and a dead member's buckets are taken once its leases lapse).
 * Times are the database's clock, so members need not agree on theirs.
 */
export class BucketLeases {
  constructor(
    private readonly pool: Pool,
    private readonly subscriber: string,
    readonly member: string,
    private readonly buckets: number,
    private readonly leaseMs: number,
  ) {}

  async round(): Promise<LeaseRound> {
    const args = [this.subscriber, this.member, this.leaseMs];
    await this.pool.query(
      `insert into bus_members (subscriber, member, expires_at) values ($1, $2, now() + $3 * interval '1 ms')
       on conflict (subscriber, member) do update set expires_at = excluded.expires_at`,
      args,
    );
    await this.pool.query(`delete from bus_members where subscriber = $1 and expires_at < now() - interval '1 hour'`, [
      this.subscriber,
    ]);
    await this.pool.query(
      `insert into bus_bucket_leases (subscriber, bucket) select $1, b from generate_series(0, $2 - 1) b
       on conflict do nothing`,
      [this.subscriber, this.buckets],
    );
    // Renewed even when lapsed, as long as nobody took it: this member stopped handling it meanwhile.
    const renewed = await this.pool.query<{ bucket: number }>(
      `update bus_bucket_leases set expires_at = now() + $3 * interval '1 ms'
       where subscriber = $1 and owner = $2 and bucket < $4 returning bucket`,
      [...args, this.buckets],
    );
    const { rows } = await this.pool.query<{ live: number }>(
      'select count(*)::int as live from bus_members where subscriber = $1 and expires_at > now()',
      [this.subscriber],
    );
    const share = fairShare(this.buckets, rows[0].live);
    const held = renewed.rows.map((r) => r.bucket).sort((a, b) => a - b);
    if (held.length >= share) return { held, surplus: held.slice(share) };
    const taken = await this.pool.query<{ bucket: number }>(
      `update bus_bucket_leases set owner = $2, expires_at = now() + $3 * interval '1 ms'
       where subscriber = $1 and bucket in (
         select bucket from bus_bucket_leases
          where subscriber = $1 and bucket < $5 and (owner is null or expires_at < now())
          order by bucket limit $4 for update skip locked)
       returning bucket`,
      [...args, share - held.length, this.buckets],
    );
    return { held: [...held, ...taken.rows.map((r) => r.bucket)].sort((a, b) => a - b), surplus: [] };
  }

  /**
   * Saves a bucket's checkpoint only while this member holds the bucket: a member whose lease lapsed
   * (paused, cut off) cannot move back the checkpoint of the member that took over. False: not held.
   */
  async saveCheckpoint(bucket: number, name: string, checkpoint: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `insert into subscription_checkpoints (name, checkpoint)
       select $1, $2 where exists (
         select 1 from bus_bucket_leases where subscriber = $3 and bucket = $4 and owner = $5)
       on conflict (name) do update set checkpoint = excluded.checkpoint, updated_at = now()`,
      [name, checkpoint, this.subscriber, bucket, this.member],
    );
    return rowCount === 1;
  }

  /**
   * saveCheckpoint for several buckets in one statement (one commit for a batch's buckets). Returns
   * the names saved: those of buckets this member still holds.
   */
  async saveCheckpoints(entries: { bucket: number; name: string; checkpoint: string }[]): Promise<Set<string>> {
    if (entries.length === 0) return new Set();
    const { rows } = await this.pool.query<{ name: string }>(
      `insert into subscription_checkpoints (name, checkpoint)
       select c.name, c.checkpoint from unnest($1::text[], $2::text[], $3::int[]) as c(name, checkpoint, bucket)
       where exists (select 1 from bus_bucket_leases l where l.subscriber = $4 and l.bucket = c.bucket and l.owner = $5)
       on conflict (name) do update set checkpoint = excluded.checkpoint, updated_at = now()
       returning name`,
      [
        entries.map((e) => e.name),
        entries.map((e) => e.checkpoint),
        entries.map((e) => e.bucket),
        this.subscriber,
        this.member,
      ],
    );
    return new Set(rows.map((r) => r.name));
  }

  /** Gives buckets back at once (a surplus, or all of them at shutdown), for another member to take. */
  async release(buckets: number[]): Promise<void> {
    if (buckets.length === 0) return;
    await this.pool.query(
      `update bus_bucket_leases set owner = null, expires_at = '-infinity'
       where subscriber = $1 and owner = $2 and bucket = any($3::int[])`,
      [this.subscriber, this.member, buckets],
    );
  }

  async leave(): Promise<void> {
    await this.pool.query('delete from bus_members where subscriber = $1 and member = $2', [
      this.subscriber,
      this.member,
    ]);
  }
}
