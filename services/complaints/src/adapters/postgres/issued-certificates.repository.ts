import type { Pool } from 'pg';
import { CertificateNotYetReissued, type CertificatesPort } from '../../application/ports/certificates.port';

export interface IssuedCertificate {
  certificateId: string;
  personId: string;
  issuedAt: string;
  replaces: string | null;
}

/**
 * Certificates as certification.events.v1 announced them (kept by the API's consumer), read by the
 * worker's activity that waits for the certificate reissued after a correction.
 */
export class IssuedCertificatesRepository implements CertificatesPort {
  constructor(private readonly pool: Pool) {}

  /** Keeps an issued certificate; the same event delivered twice is kept once. */
  async record(issued: IssuedCertificate): Promise<void> {
    await this.pool.query(
      `insert into issued_certificates (certificate_id, person_id, issued_at, replaces) values ($1, $2, $3, $4)
       on conflict (certificate_id) do nothing`,
      [issued.certificateId, issued.personId, issued.issuedAt, issued.replaces],
    );
  }

  async reissuedSince(request: { personId: string; since: string }): Promise<{ certificateId: string | null }> {
    const { rows } = await this.pool.query<{ certificate_id: string }>(
      `select certificate_id from issued_certificates where person_id = $1 and issued_at >= date_trunc('second', $2::timestamptz)
       order by issued_at desc limit 1`,
      [request.personId, request.since],
    );
    if (rows.length === 0) throw new CertificateNotYetReissued(request.personId);
    return { certificateId: rows[0].certificate_id };
  }
}
