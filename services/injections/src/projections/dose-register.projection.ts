import type { RecordedEvent } from '@vax/event-sourcing';
import { type Projection, applyInRuns } from '@vax/messaging';
import type { PoolClient } from 'pg';
import type { AttestationEvent } from '../domain/attestation/attestation.messages';
import type { CampaignListEvent } from '../domain/attestation/campaign-list.messages';
import type { DoseRecorded, RecordEvent } from '../domain/record/record.messages';
import { isDoseAnswer, isDoseRecorded } from './dose-recorded.event';

/**
 * Every dose by id, with the identity check it was recorded on and the attestation that covers it:
 * the day lists site heads sign, and the share of records verified and attested. A correction after
 * an attestation uncovers the dose (the signed content no longer matches it). Idempotent.
 */
export const doseRegisterProjection: Projection = {
  name: 'dose_register',
  version: 1,

  async createTable(tx: PoolClient, table: string) {
    await tx.query(`
      create table ${table} (
        dose_id text primary key, person_id text not null, dose_number int not null,
        vaccine_code text not null, lot_number text not null, day date not null, site_id text not null,
        verification_id text, voided boolean not null default false, attestation_id text);
      create index ${table}_site_day on ${table} (site_id, day);
      create index ${table}_person on ${table} (person_id, dose_number)`);
  },

  /** Runs of new doses (nearly all of the log) go in one statement; everything else one at a time. */
  applyBatch: (tx, table, events) =>
    applyInRuns(tx, table, events, isDoseRecorded, insertDoses, doseRegisterProjection.apply, isDoseAnswer),

  async apply(tx: PoolClient, table: string, recorded: RecordedEvent) {
    const event = recorded as unknown as (RecordEvent | AttestationEvent | CampaignListEvent) & RecordedEvent;
    switch (event.type) {
      case 'DoseRecorded': {
        const d = event.data;
        await tx.query(
          `insert into ${table} (dose_id, person_id, dose_number, vaccine_code, lot_number, day, site_id, verification_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (dose_id) do nothing`,
          [
            d.doseId,
            d.personId,
            d.doseNumber,
            d.vaccineCode,
            d.lotNumber,
            d.administeredOn,
            d.siteId,
            d.verificationId,
          ],
        );
        return;
      }
      case 'DoseCorrected': {
        const { personId, doseNumber, after: a } = event.data;
        await tx.query(
          `update ${table} set vaccine_code = $3, lot_number = $4, day = $5, site_id = $6, attestation_id = null
           where person_id = $1 and dose_number = $2 and not voided`,
          [personId, doseNumber, a.vaccineCode, a.lotNumber, a.administeredOn, a.siteId],
        );
        return;
      }
      case 'DoseVoided':
        await tx.query(`update ${table} set voided = true where person_id = $1 and dose_number = $2 and not voided`, [
          event.data.personId,
          event.data.doseNumber,
        ]);
        return;
      case 'DuplicateAbsorbed':
        for (const d of event.data.doses)
          await tx.query(`update ${table} set person_id = $2, dose_number = $3, voided = $4 where dose_id = $1`, [
            d.doseId,
            event.data.personId,
            d.doseNumber,
            d.voided,
          ]);
        return;
      case 'DayAttested':
        // Only while the dose still reads as signed: a correction that slipped in between stays uncovered.
        for (const e of event.data.entries)
          await tx.query(
            `update ${table} set attestation_id = $1 where dose_id = $2 and not voided
             and vaccine_code = $3 and lot_number = $4 and day = $5`,
            [event.data.attestationId, e.doseId, e.vaccineCode, e.lotNumber, e.administeredOn],
          );
        return;
      case 'CampaignListAttested': {
        // A list the campaign had signed, checked against these doses (campaign-list.decider.ts).
        const { attestationId, entries } = event.data;
        await tx.query(
          `update ${table} set attestation_id = $1 where dose_id = any($2) and not voided and attestation_id is null`,
          [attestationId, entries.map((e) => e.recordDoseId)],
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
    `insert into ${table} (dose_id, person_id, dose_number, vaccine_code, lot_number, day, site_id, verification_id)
     select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[])
     on conflict (dose_id) do nothing`,
    [
      doses.map((d) => d.doseId),
      doses.map((d) => d.personId),
      doses.map((d) => d.doseNumber),
      doses.map((d) => d.vaccineCode),
      doses.map((d) => d.lotNumber),
      doses.map((d) => d.administeredOn),
      doses.map((d) => d.siteId),
      doses.map((d) => d.verificationId),
    ],
  );
}
