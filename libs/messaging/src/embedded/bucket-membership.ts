import type { CheckpointStore } from '../checkpoints/checkpoint.store';
import type { TransientWaits } from '../consuming/transient-waits';
import type { BucketLanes } from './bucket-lanes';
import type { BucketLeases } from './bucket-leases';
import { InterruptibleSleep } from './interruptible-sleep';

export interface MembershipEvents {
  /** Buckets were gained: the reader must start again from the lanes' checkpoints. */
  gained(held: number[]): void;
  /** The buckets whose messages are being handled now (several for a batch). */
  handling(): readonly number[];
  warn(text: string): void;
}

/**
 * One instance's membership of a subscriber's group on the embedded bus: a heartbeat renews its
 * bucket leases (bucket-leases.ts) every quarter of the lease, adopts the buckets it gains (with
 * their checkpoints) and gives back a surplus once the message in hand is done. Past three quarters
 * of the lease without a renewal (by its own clock) it holds off: the lease may lapse in the database
 * and another instance take the bucket.
 */
export class BucketMembership {
  private validUntil = 0;
  private readonly pause = new InterruptibleSleep();

  constructor(
    private readonly leases: BucketLeases,
    private readonly lanes: BucketLanes,
    private readonly checkpoints: CheckpointStore,
    private readonly waits: TransientWaits,
    private readonly settings: {
      group: string;
      buckets: number;
      leaseMs: number;
      compare: (a: string, b: string) => number;
    },
    private readonly events: MembershipEvents,
  ) {}

  /** Whether this instance may handle its buckets now (its leases were renewed in time). */
  valid(): boolean {
    return Date.now() < this.validUntil;
  }

  async run(stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      const started = Date.now();
      try {
        const { held, surplus } = await this.leases.round();
        this.validUntil = started + this.settings.leaseMs * 0.75;
        await this.adopt(held.filter((b) => !surplus.includes(b)));
        if (surplus.length > 0) await this.giveBack(surplus);
        if (this.lanes.held().includes(0)) await this.recordLowWaterMark();
      } catch (error) {
        if (!stopped()) this.events.warn(`${this.settings.group}: bucket leases not renewed (${String(error)})`);
      }
      await this.pause.sleep(this.settings.leaseMs / 4);
    }
  }

  /** Ends the heartbeat's wait (at shutdown). */
  wake(): void {
    this.pause.wake();
  }

  /** Saves a bucket's checkpoint while holding it; false (and the lane dropped) once taken over. */
  async saveCheckpoint(bucket: number, checkpoint: string): Promise<boolean> {
    const saved = await this.leases.saveCheckpoint(bucket, this.checkpointName(bucket), checkpoint);
    if (saved) this.lanes.advanced(bucket, checkpoint);
    else this.lanes.remove(bucket); // its new holder goes on from its checkpoint
    return saved;
  }

  /** Saves several buckets' checkpoints at once (a batch's), each only while held, as saveCheckpoint. */
  async saveCheckpoints(checkpoints: ReadonlyMap<number, string>): Promise<void> {
    const entries = [...checkpoints].map(([bucket, checkpoint]) => ({
      bucket,
      checkpoint,
      name: this.checkpointName(bucket),
    }));
    const saved = await this.leases.saveCheckpoints(entries);
    for (const { bucket, checkpoint, name } of entries)
      if (saved.has(name)) this.lanes.advanced(bucket, checkpoint);
      else this.lanes.remove(bucket);
  }

  /** Gives every bucket back and leaves the group, for the others to take over at once. */
  async leave(): Promise<void> {
    await this.leases.release(this.lanes.held());
    await this.leases.leave();
  }

  private async adopt(kept: number[]): Promise<void> {
    for (const bucket of this.lanes.held()) if (!kept.includes(bucket)) this.lanes.remove(bucket);
    this.waits.keepOnly((lane) => kept.includes(Number(lane.slice('bucket '.length))));
    const gained = kept.filter((bucket) => !this.lanes.held().includes(bucket));
    for (const bucket of gained) this.lanes.add(bucket, await this.loadCheckpoint(bucket));
    if (gained.length > 0) this.events.gained(this.lanes.held().sort((a, b) => a - b));
  }

  /** Stops handling the surplus, lets the message in hand finish, then gives the buckets back. */
  private async giveBack(surplus: number[]): Promise<void> {
    surplus.forEach((bucket) => this.lanes.remove(bucket));
    while (this.events.handling().some((bucket) => surplus.includes(bucket)))
      await new Promise((resolve) => setTimeout(resolve, 20));
    await this.leases.release(surplus);
  }

  /**
   * Keeps the subscriber's own checkpoint (`embedded:<subscriber>`, from before buckets) at its
   * slowest bucket's, once every bucket has one: what lag metrics read, and where a bucket without a
   * checkpoint starts (after an upgrade, or a change of the bucket count: it replays, never skips).
   * Written by the holder of bucket 0 only.
   */
  private async recordLowWaterMark(): Promise<void> {
    const { group, buckets, compare } = this.settings;
    const all = await this.checkpoints.loadAll(`embedded:${group}:`);
    const ours = [...Array(buckets).keys()].map((bucket) => all.get(this.checkpointName(bucket)));
    if (ours.some((checkpoint) => checkpoint === undefined)) return;
    const lowest = (ours as string[]).reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    await this.checkpoints.save(`embedded:${group}`, lowest);
  }

  /** A bucket taken for the first time starts where the subscriber stood before buckets existed. */
  private async loadCheckpoint(bucket: number): Promise<string | undefined> {
    const own = await this.checkpoints.load(this.checkpointName(bucket));
    return own ?? (await this.checkpoints.load(`embedded:${this.settings.group}`));
  }

  private checkpointName(bucket: number): string {
    return `embedded:${this.settings.group}:${bucket}/${this.settings.buckets}`;
  }
}
