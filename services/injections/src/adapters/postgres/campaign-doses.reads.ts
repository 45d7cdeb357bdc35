import type { Pool } from 'pg';
import type { CampaignListEntry } from '../../domain/attestation/campaign-list.messages';
import { CampaignDosesReads } from '../../application/ports/campaign-doses.port';

export class PostgresCampaignDosesReads extends CampaignDosesReads {
  constructor(private readonly pool: Pool) {
    super();
  }

  async unattested(campaignId: string, siteIds: string[]): Promise<CampaignListEntry[]> {
    const { rows } = await this.pool.query(
      `select dose_id, record_dose_id, person_id, vaccine_code, lot_number, to_char(day, 'YYYY-MM-DD') as day,
         site_id, verification_id
       from campaign_doses where campaign_id = $1 and site_id = any($2) and attestation_id is null`,
      [campaignId, siteIds],
    );
    return rows.map((r) => ({
      doseId: r.dose_id,
      recordDoseId: r.record_dose_id,
      personId: r.person_id,
      vaccineCode: r.vaccine_code,
      lotNumber: r.lot_number,
      administeredOn: r.day,
      siteId: r.site_id,
      verificationId: r.verification_id,
    }));
  }
}
