import { canonicalAttestationContent, sha256Hex } from '../attestation/attestation-content';

/** A dose of a campaign's matched list as signed; other fields a caller's entries carry are left out. */
export interface MatchedListEntry {
  doseId: string;
  personId: string;
  vaccineCode: string;
  lotNumber: string;
  administeredOn: string;
  siteId: string;
  verificationId: string;
}

/** A campaign's matched list of one site or commune, with who signed it and when. */
export interface MatchedListContent {
  attestationId: string;
  campaignId: string;
  scope: string;
  unit: string;
  entries: readonly MatchedListEntry[];
  signedBy: string;
  signerRole: string;
  signedAt: string;
}

/**
 * The bytes the campaign signs and whose digest MatchedListAttested.contentSha256 carries; injections
 * rebuilds them from the doses it holds to decide whether they are exactly the signed list.
 */
export function matchedListContent(c: MatchedListContent): Buffer {
  return canonicalAttestationContent(
    [c.attestationId, c.campaignId, c.scope, c.unit, c.signedBy, c.signerRole, c.signedAt],
    c.entries,
    (e) => [e.doseId, e.personId, e.vaccineCode, e.lotNumber, e.administeredOn, e.siteId, e.verificationId],
  );
}

export const matchedListSha256 = (c: MatchedListContent): string => sha256Hex(matchedListContent(c));
