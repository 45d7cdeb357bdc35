import type { RecordedEvent } from '@vax/event-sourcing';
import { type Projection, applyInRuns } from '@vax/messaging';
import type { PoolClient } from 'pg';
import type { CampaignListAttested } from '../domain/attestation/campaign-list.messages';
import type { LegacyDoseImported } from '../domain/record/legacy-dose.messages';

type Imported = RecordedEvent & LegacyDoseImported;

/** Legacy doses are written in bulk; a new dose beside each is no concern of this table. */
const isBulk = (event: RecordedEvent): event is RecordedEvent =>
  event.type === 'LegacyDoseImported' || event.type === 'DoseRecorded';

/**
 * The campaign's doses on the records, as its lists have them (`listed`), with the dose on the
 * record each became and the campaign attestation covering it: what a signed matched list is
 * checked against (campaign-list-attestation.service.ts). Idempotent.
 */
export const campaignDosesProjection: Projection = {
  name: 'campaign_doses',
  version: 1,

  async createTable(tx: PoolClient, table: string) {
    await tx.query(`
      create table ${table} (
        dose_id text primary key, campaign_id text not null, record_dose_id text not null, person_id text not null,
        vaccine_code text not null, lot_number text not null, day date not null, site_id text not null,
        verification_id text not null, attestation_id text);
      create index ${table}_unattested on ${table} (campaign_id, site_id) where attestation_id is null`);
  },

  applyBatch: (tx, table, events) =>
    applyInRuns(tx, table, events, isBulk, insertImported, campaignDosesProjection.apply),

  async apply(tx: PoolClient, table: string, recorded: RecordedEvent) {
    if (recorded.type === 'LegacyDoseImported') return insertImported(tx, table, [recorded]);
    if (recorded.type !== 'CampaignListAttested') return;
    const { data } = recorded as unknown as CampaignListAttested;
    await tx.query(`update ${table} set attestation_id = $1 where dose_id = any($2) and attestation_id is null`, [
      data.attestationId,
      data.entries.map((e) => e.doseId),
    ]);
  },
};

async function insertImported(tx: PoolClient, table: string, run: RecordedEvent[]): Promise<void> {
  // Events of before `listed` was kept cannot be checked against a signed list: left out.
  const doses = run.flatMap((e) => {
    const data = (e as Imported).data;
    return e.type === 'LegacyDoseImported' && data.listed ? [data] : [];
  });
  if (doses.length === 0) return;
  await tx.query(
    `insert into ${table} (dose_id, campaign_id, record_dose_id, person_id, vaccine_code, lot_number, day, site_id, verification_id)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[])
     on conflict (dose_id) do nothing`,
    [
      doses.map((d) => d.doseId),
      doses.map((d) => d.campaignId),
      doses.map((d) => d.existingDoseId ?? d.doseId),
      doses.map((d) => d.listed!.personId),
      doses.map((d) => d.listed!.vaccineCode),
      doses.map((d) => d.listed!.lotNumber),
      doses.map((d) => d.listed!.administeredOn),
      doses.map((d) => d.listed!.siteId),
      doses.map((d) => d.listed!.verificationId),
    ],
  );
}
