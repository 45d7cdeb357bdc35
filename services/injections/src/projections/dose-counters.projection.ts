import type { RecordedEvent } from '@vax/event-sourcing';
import type { Projection } from '@vax/messaging';
import type { PoolClient } from 'pg';
import { createCounterTables } from './dose-counters.tables';
import { doseRegisterProjection } from './dose-register.projection';

/**
 * Counters for managers' statistics, verification shares and coverage, which stay a few thousand rows
 * however many doses are recorded. The events are applied exactly as the dose register applies them,
 * to a private copy of it; triggers on that copy move the counters (dose-counters.tables.ts).
 */
export const doseCountersProjection: Projection = {
  name: 'dose_counters',
  // v2: doses by day and site alone (`_day`), for statistics by day over long ranges.
  version: 2,
  companions: ['month', 'day', 'coverage'],

  async createTable(tx: PoolClient, table: string) {
    await doseRegisterProjection.createTable(tx, `${table}_doses`);
    await createCounterTables(tx, table);
  },

  applyBatch: (tx: PoolClient, table: string, events: readonly RecordedEvent[]) =>
    doseRegisterProjection.applyBatch!(tx, `${table}_doses`, events),

  apply: (tx: PoolClient, table: string, event: RecordedEvent) =>
    doseRegisterProjection.apply(tx, `${table}_doses`, event),
};
