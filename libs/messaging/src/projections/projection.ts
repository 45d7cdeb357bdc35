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
}

export function projectionTable(projection: Projection, version = projection.version): string {
  if (!/^[a-z][a-z0-9_]*$/.test(projection.name))
    throw new Error(`projection name ${projection.name} must be snake_case`);
  return `${projection.name}_v${version}`;
}
