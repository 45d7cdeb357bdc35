import type { Pool } from 'pg';
import type { AttestedDose } from '../../domain/attestation/list-attestation.decider';
import { MatchedDoses } from '../../application/ports/matched-doses.port';

/** Matched doses from dose_submissions, with the row's details from legacy_rows and its batch. */
export class PostgresMatchedDoses extends MatchedDoses {
  constructor(private readonly pool: Pool) {
    super();
  }

  async unattested(campaignId: string, siteIds: string[]): Promise<AttestedDose[]> {
    const { rows } = await this.pool.query(
      `select d.dose_id, d.person_id, l.vaccine_code, l.lot_number, l.administered_on::text as day, d.site_id, r.batch_id
       from dose_submissions d
       join legacy_rows l on l.import_id = d.import_id and l.row_number = d.row_number
       join row_results r on r.campaign_id = d.campaign_id and r.import_id = d.import_id and r.row_number = d.row_number
       where d.campaign_id = $1 and d.site_id = any($2) and d.outcome in ('recorded', 'already-on-record')
         and d.attestation_id is null order by d.dose_id`,
      [campaignId, siteIds],
    );
    return rows.map((r) => ({
      doseId: r.dose_id,
      personId: r.person_id,
      vaccineCode: r.vaccine_code,
      lotNumber: r.lot_number,
      administeredOn: r.day,
      siteId: r.site_id,
      verificationId: r.batch_id,
    }));
  }

  async markAttested(attestationId: string, doseIds: string[]): Promise<void> {
    await this.pool.query(
      'update dose_submissions set attestation_id = $1 where dose_id = any($2) and attestation_id is null',
      [attestationId, doseIds],
    );
  }
}
