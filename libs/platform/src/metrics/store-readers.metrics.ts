import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';

const LAG_COUNT_CAP = 100_000;

/**
 * How far each reader of the service's event store (its publisher, its projections) is behind the
 * store: the events after its checkpoint, counted up to a cap. Read at each scrape from the
 * checkpoints table; a service without a store reports nothing.
 */
export function watchStoreReaders(registry: Registry, pool: Pool): void {
  new Gauge({
    name: 'eventstore_reader_lag_events',
    help: `Events in the store after a reader's checkpoint (publisher, projections), counted up to ${LAG_COUNT_CAP}`,
    labelNames: ['reader', 'kind'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await readerLags(pool).catch(() => []);
      for (const { name, behind } of rows) this.set({ reader: name, kind: name.split(':')[0] }, Number(behind));
    },
  });
}

async function readerLags(pool: Pool): Promise<{ name: string; behind: string }[]> {
  const { rows } = await pool.query<{ name: string; behind: string }>(
    `select c.name, (select count(*) from (select 1 from es_events e
              where e.global_position > split_part(c.checkpoint, ':', 2)::bigint limit ${LAG_COUNT_CAP}) ahead) as behind
       from subscription_checkpoints c
      where c.name not like 'embedded:%' and to_regclass('es_events') is not null`,
  );
  return rows;
}
