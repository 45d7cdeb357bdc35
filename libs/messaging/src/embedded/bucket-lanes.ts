interface Lane {
  /** The last checkpoint handled in this bucket; undefined: nothing yet (read from the beginning). */
  checkpoint?: string;
  /** Set while the bucket's next message waits out a transient failure (local clock, ms). */
  waitUntil?: number;
}

/**
 * Where each bucket this instance holds has got to. One reader tails the bus for all of them, from
 * the earliest lane's checkpoint, and hands each lane only what lies after its own: a lane that
 * waits on a transient failure falls behind alone and is read again from its checkpoint when its
 * wait is over, while the others go on.
 */
export class BucketLanes {
  private readonly lanes = new Map<number, Lane>();

  constructor(private readonly compare: (a: string, b: string) => number) {}

  held(): number[] {
    return [...this.lanes.keys()];
  }

  add(bucket: number, checkpoint: string | undefined): void {
    this.lanes.set(bucket, { checkpoint });
  }

  remove(bucket: number): void {
    this.lanes.delete(bucket);
  }

  /** Where the reader must start: undefined for the beginning; null when no lane is to be read. */
  startingPoint(): { after?: string } | null {
    const readable = [...this.lanes.values()].filter((lane) => lane.waitUntil === undefined);
    if (readable.length === 0) return null;
    if (readable.some((lane) => lane.checkpoint === undefined)) return {};
    return { after: readable.map((lane) => lane.checkpoint!).reduce((a, b) => (this.compare(a, b) <= 0 ? a : b)) };
  }

  /** Whether this event is the lane's to handle now: held, not waiting, and after its checkpoint. */
  isNext(bucket: number, checkpoint: string): boolean {
    const lane = this.lanes.get(bucket);
    if (!lane || lane.waitUntil !== undefined) return false;
    return lane.checkpoint === undefined || this.compare(checkpoint, lane.checkpoint) > 0;
  }

  advanced(bucket: number, checkpoint: string): void {
    const lane = this.lanes.get(bucket);
    if (lane) lane.checkpoint = checkpoint;
  }

  wait(bucket: number, until: number): void {
    const lane = this.lanes.get(bucket);
    if (lane) lane.waitUntil = until;
  }

  /** Ends the waits that are over; true when some lane became readable (the reader must start again). */
  wakeDue(now: number): boolean {
    let woke = false;
    for (const lane of this.lanes.values())
      if (lane.waitUntil !== undefined && lane.waitUntil <= now) {
        lane.waitUntil = undefined;
        woke = true;
      }
    return woke;
  }
}
