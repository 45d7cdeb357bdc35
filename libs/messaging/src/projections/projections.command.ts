import type { EventStore, UpcasterChain } from '@vax/event-sourcing';
import type { Pool } from 'pg';
import type { Projection } from './projection';
import { rebuildProjection } from './projection.runner';

/**
 * The operator command each service mounts over its own projections:
 *   rebuild <projection> <version>   rebuild from the start of the log into <projection>_v<version>,
 *                                    then switch reads to it
 *   list                             the projections and their current versions
 * Returns the lines to print; throws with a usage message on bad arguments.
 */
export async function runProjectionsCommand(
  argv: string[],
  deps: { pool: Pool; store: EventStore; projections: Projection[]; upcasters?: UpcasterChain },
): Promise<string[]> {
  const [command, name, version] = argv;
  if (command === 'list') return deps.projections.map((p) => `${p.name} v${p.version}`);
  if (command === 'rebuild' && name && /^\d+$/.test(version ?? '')) {
    const projection = deps.projections.find((p) => p.name === name);
    if (!projection) throw new Error(`no projection ${name}; known: ${deps.projections.map((p) => p.name).join(', ')}`);
    const { table, applied } = await rebuildProjection(
      deps.pool,
      deps.store,
      projection,
      Number(version),
      deps.upcasters,
    );
    return [`rebuilt ${name} into ${table} from ${applied} events; reads now use it`];
  }
  throw new Error('usage: projections list | projections rebuild <projection> <version>');
}
