import type { RecordedEvent } from '@vax/event-sourcing';
import type { PoolClient } from 'pg';

/**
 * A read model fed from the log. `apply` runs inside the batch's transaction, together with the
 * checkpoint, and must tolerate the same event twice (a rebuild, an operator replay). A change of
 * shape is a new `version`: rebuilt into a new table, never migrated in place.
 */
export interface Projection {
  name: string;
  version: number;
  createTable(tx: PoolClient, table: string): Promise<void>;
  apply(tx: PoolClient, table: string, event: RecordedEvent): Promise<void>;
  /**
   * A batch in log order, with the same result as `apply` on each event in turn: for projections whose
   * common event can be written many rows to a statement (one round trip per batch, not per event).
   */
  applyBatch?(tx: PoolClient, table: string, events: readonly RecordedEvent[]): Promise<void>;
}

/**
 * Splits a batch into maximal runs of consecutive events that `bulk` accepts and runs of the others,
 * keeping the log order between runs: what an `applyBatch` writes in bulk, and what it applies one
 * at a time.
 */
export function consecutiveRuns<E extends RecordedEvent>(
  events: readonly RecordedEvent[],
  bulk: (event: RecordedEvent) => event is E,
): Array<{ bulk: true; events: E[] } | { bulk: false; events: RecordedEvent[] }> {
  const runs: Array<{ bulk: boolean; events: RecordedEvent[] }> = [];
  for (const event of events) {
    const isBulk = bulk(event);
    const last = runs[runs.length - 1];
    if (last && last.bulk === isBulk) last.events.push(event);
    else runs.push({ bulk: isBulk, events: [event] });
  }
  return runs as Array<{ bulk: true; events: E[] } | { bulk: false; events: RecordedEvent[] }>;
}

export function projectionTable(projection: Projection, version = projection.version): string {
  if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
    throw new Error(`projection name ${projection.name} must be snake_case`);
  return `${projection.name}_v${version}`;
}
