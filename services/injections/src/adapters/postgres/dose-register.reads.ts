import type { Pool } from 'pg';
import type { AttestedEntry } from '../../domain/attestation/attestation.messages';
import { DoseRegisterReads } from '../../application/ports/dose-register.port';

export class PostgresDoseRegisterReads extends DoseRegisterReads {
  constructor(private readonly pool: Pool) {
    super();
  }

  async coveringDoses(personId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query(
      'select dose_id, attestation_id from dose_register where person_id = $1 and attestation_id is not null',
      [personId],
    );
    return new Map(rows.map((r) => [r.dose_id as string, r.attestation_id as string]));
  }

  async unattestedOfDay(siteId: string, day: string, limit: number): Promise<AttestedEntry[]> {
    const { rows } = await this.pool.query(
      `select dose_id, person_id, dose_number, vaccine_code, lot_number, to_char(day, 'YYYY-MM-DD') as day, verification_id
       from dose_register where site_id = $1 and day = $2 and not voided and attestation_id is null
       and verification_id is not null order by dose_id limit $3`,
      [siteId, day, limit],
    );
    return rows.map((r) => ({
      doseId: r.dose_id,
      personId: r.person_id,
      doseNumber: r.dose_number,
      vaccineCode: r.vaccine_code,
      lotNumber: r.lot_number,
      administeredOn: r.day,
      verificationId: r.verification_id,
    }));
  }
}
