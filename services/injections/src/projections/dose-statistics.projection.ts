import type { RecordedEvent } from '@vax/event-sourcing';
import { type Projection, applyInRuns } from '@vax/messaging';
import type { PoolClient } from 'pg';
import type { DoseRecorded, RecordEvent } from '../domain/record/record.messages';
import { isDoseAnswer, isDoseRecorded } from './dose-recorded.event';

/**
 * One row per dose given, kept current through corrections and voids: what managers' statistics are
 * counted from, instead of manual counts. Applying an event twice changes nothing.
 */
export const doseStatisticsProjection: Projection = {
  name: 'dose_statistics',
  version: 1,

  async createTable(tx: PoolClient, table: string) {
    await tx.query(`
      create table ${table} (
        person_id text not null, dose_number int not null,
        day date not null, site_id text not null, vaccine_code text not null, voided boolean not null default false,
        primary key (person_id, dose_number));
      create index ${table}_day on ${table} (day)`);
  },

  /** Runs of new doses (nearly all of the log) go in one statement; everything else one at a time. */
  applyBatch: (tx, table, events) =>
    applyInRuns(tx, table, events, isDoseRecorded, insertDoses, doseStatisticsProjection.apply, isDoseAnswer),

  async apply(tx: PoolClient, table: string, recorded: RecordedEvent) {
    const event = recorded as unknown as RecordEvent & RecordedEvent;
    switch (event.type) {
      case 'DoseRecorded': {
        const { personId, doseNumber, administeredOn, siteId, vaccineCode } = event.data;
        await tx.query(
          `insert into ${table} (person_id, dose_number, day, site_id, vaccine_code) values ($1, $2, $3, $4, $5)
           on conflict (person_id, dose_number) do nothing`,
          [personId, doseNumber, administeredOn, siteId, vaccineCode],
        );
        return;
      }
      case 'DoseCorrected': {
        const { personId, doseNumber, after } = event.data;
        await tx.query(
          `update ${table} set day = $3, site_id = $4, vaccine_code = $5 where person_id = $1 and dose_number = $2 and not voided`,
          [personId, doseNumber, after.administeredOn, after.siteId, after.vaccineCode],
        );
        return;
      }
      case 'DoseVoided':
        await tx.query(`update ${table} set voided = true where person_id = $1 and dose_number = $2`, [
          event.data.personId,
          event.data.doseNumber,
        ]);
        return;
      case 'DuplicateAbsorbed': {
        // Both people's rows are replaced by the survivor's doses, numbered again.
        const { personId, fromPersonId, doses } = event.data;
        await tx.query(`delete from ${table} where person_id = any($1)`, [[personId, fromPersonId]]);
        for (const d of doses.filter((x) => !x.voided))
          await tx.query(
            `insert into ${table} (person_id, dose_number, day, site_id, vaccine_code) values ($1, $2, $3, $4, $5)`,
            [personId, d.doseNumber, d.administeredOn, d.siteId, d.vaccineCode],
          );
        return;
      }
      default:
        return;
    }
  },
};

async function insertDoses(tx: PoolClient, table: string, run: Array<RecordedEvent & DoseRecorded>): Promise<void> {
  const doses = run.map((e) => e.data);
  await tx.query(
    `insert into ${table} (person_id, dose_number, day, site_id, vaccine_code)
     select * from unnest($1::text[], $2::int[], $3::date[], $4::text[], $5::text[])
     on conflict (person_id, dose_number) do nothing`,
    [
      doses.map((d) => d.personId),
      doses.map((d) => d.doseNumber),
      doses.map((d) => d.administeredOn),
      doses.map((d) => d.siteId),
      doses.map((d) => d.vaccineCode),
    ],
  );
}
