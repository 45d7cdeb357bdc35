import { canonicalAttestationContent } from '@vax/contracts';
import type { AttestedEntry } from '../domain/attestation/attestation.messages';

export { sha256Hex } from '@vax/contracts';

export interface AttestationContent {
  attestationId: string;
  siteId: string;
  day: string;
  entries: AttestedEntry[];
  signedBy: string;
  signerRole: string;
  signedAt: string;
}

/**
 * The exact bytes a site's day is signed over, in the platform's one canonical form (keys in a fixed
 * order, entries sorted by dose id), so anyone holding the record can rebuild them and check the signature.
 */
export function canonicalContent(c: AttestationContent): Buffer {
  return canonicalAttestationContent(
    [c.attestationId, c.siteId, c.day, c.signedBy, c.signerRole, c.signedAt],
    c.entries,
    (e) => [e.doseId, e.personId, e.doseNumber, e.vaccineCode, e.lotNumber, e.administeredOn, e.verificationId],
  );
}
