/** A partition (or bucket) held back while its next message waits out a transient failure. */
export interface WaitingPartition {
  /** "topic/partition" on Kafka, "bucket N" on the embedded transport. */
  partition: string;
  /** Where the waiting message is (Kafka offset, bus checkpoint). */
  position: string;
  attempts: number;
  since: Date;
  /** The failure's name and code only: a message text may carry what a log must not. */
  failure: string;
}

/** What a consumer transport tells readiness and metrics about the partitions it holds back. */
export interface ConsumerWaits {
  /** The consumer group (or embedded subscriber). */
  readonly group: string;
  waiting(): WaitingPartition[];
}

/**
 * The partitions of one consumer waiting on a transient failure: the failing message's attempts
 * are counted across redeliveries (a paused partition fetches it again), so the backoff grows.
 */
export class TransientWaits {
  private readonly entries = new Map<string, WaitingPartition>();

  /** Records one more failed attempt at the message at `position`; returns the attempts so far. */
  failed(partition: string, position: string, error: unknown, now = new Date()): number {
    const current = this.entries.get(partition);
    const same = current?.position === position;
    const attempts = same ? current.attempts + 1 : 1;
    this.entries.set(partition, {
      partition,
      position,
      attempts,
      since: same ? current.since : now,
      failure: failureName(error),
    });
    return attempts;
  }

  /** The attempts already failed at this position (0 when none). */
  attemptsAt(partition: string, position: string): number {
    const current = this.entries.get(partition);
    return current?.position === position ? current.attempts : 0;
  }

  succeeded(partition: string): void {
    this.entries.delete(partition);
  }

  /** Forgets partitions this consumer no longer owns (after a rebalance). */
  keepOnly(owned: (partition: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (!owned(key)) this.entries.delete(key);
  }

  list(): WaitingPartition[] {
    return [...this.entries.values()];
  }
}

function failureName(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
}

/** One line for readiness: which partitions wait, since when, on what. */
export function describeWaits(waits: WaitingPartition[], now = Date.now()): string {
  return waits
    .map(
      (w) =>
        `${w.partition} at ${w.position} (${w.attempts} attempts over ${Math.round((now - w.since.getTime()) / 1000)} s, ${w.failure})`,
    )
    .join('; ');
}
