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
  /**
   * Companion tables `createTable` makes beside the main one (`<table>_<suffix>`), each read through
   * its own view `<name>_<suffix>`, switched together with the main view.
   */
  companions?: readonly string[];
}

/**
 * The usual `applyBatch`: maximal runs of consecutive events that `bulk` accepts are written by
 * `writeRun` in one statement; every other event goes through `apply` alone, in log order. Events
 * `ignored` accepts are ones `apply` does nothing with: they are passed over without ending a run
 * (the campaign's answers between its doses would otherwise cut every run to one dose).
 */
export async function applyInRuns<E extends RecordedEvent>(
  tx: PoolClient,
  table: string,
  events: readonly RecordedEvent[],
  bulk: (event: RecordedEvent) => event is E,
  writeRun: (tx: PoolClient, table: string, run: E[]) => Promise<void>,
  apply: Projection['apply'],
  ignored: (event: RecordedEvent) => boolean = () => false,
): Promise<void> {
  let run: E[] = [];
  for (const event of events) {
    if (ignored(event)) continue;
    if (bulk(event)) {
      run.push(event);
      continue;
    }
    if (run.length > 0) await writeRun(tx, table, run);
    run = [];
    await apply(tx, table, event);
  }
  if (run.length > 0) await writeRun(tx, table, run);
}

export function projectionTable(projection: Projection, version = projection.version): string {
  if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
    throw new Error(`projection name ${projection.name} must be snake_case`);
  return `${projection.name}_v${version}`;
}
