import type { RecordedEvent } from '@vax/event-sourcing';
import type { Projection } from '@vax/messaging';
import type { PoolClient } from 'pg';
import type { DoseRecorded } from '../domain/record/record.messages';

/**
 * Doses given per day, site, vaccine and dose number: what managers' statistics are computed from,
 * instead of manual counts. Each event is counted once even if applied twice (its id is kept).
 */
export const doseStatisticsProjection: Projection = {
  name: 'dose_statistics',
  version: 1,

  async createTable(tx: PoolClient, table: string) {
    await tx.query(`
      create table ${table} (
        day date not null, site_id text not null, vaccine_code text not null, dose_number int not null,
        doses int not null,
        primary key (day, site_id, vaccine_code, dose_number));
      create table ${table}_applied (event_id uuid primary key)`);
  },

  async apply(tx: PoolClient, table: string, event: RecordedEvent) {
    if (event.type !== 'DoseRecorded') return;
    const { administeredOn, siteId, vaccineCode, doseNumber } = (event as unknown as DoseRecorded).data;
    await tx.query(
      `with first_time as (insert into ${table}_applied values ($1) on conflict do nothing returning 1)
       insert into ${table} (day, site_id, vaccine_code, dose_number, doses)
       select $2, $3, $4, $5, 1 from first_time
       on conflict (day, site_id, vaccine_code, dose_number) do update set doses = ${table}.doses + 1`,
      [event.id, administeredOn, siteId, vaccineCode, doseNumber],
    );
  },
};
