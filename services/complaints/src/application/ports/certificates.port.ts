/** Thrown while certification has not yet issued the new certificate: the activity retries later. */
export class CertificateNotYetReissued extends Error {
  constructor(personId: string) {
    super(`no certificate reissued yet for person ${personId}`);
    this.name = 'CertificateNotYetReissued';
  }
}

/**
 * Certification reissues a person's certificate when their record changes (and revokes the old one).
 * The complaint waits for that: it asks for the certificate issued after the correction.
 */
export interface CertificatesPort {
  /**
   * The certificate issued for the person at or after `since` (null: the person holds none, nothing to
   * reissue); throws CertificateNotYetReissued while it is still coming.
   */
  reissuedSince(request: { key: string; complaintId: string; personId: string; since: string }): Promise<{
    certificateId: string | null;
  }>;
}
