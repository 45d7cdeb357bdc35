import type { CertificationReference } from '../certification-reference';
import type { CertificateContent, Holder } from '../dcc/certificate-content';
import type { InjectionFact } from '../status/vaccination-facts';
import type { VaccinationStatus } from '../status/vaccination-status.policy';

/** The entries of the EU revocation lists a certificate can be listed under (base64, 128 bits). */
export interface RevocationHashes {
  SIGNATURE: string;
  UCI: string;
  COUNTRYCODEUCI: string;
}

/** A certificate signed outside the decider (signing is I/O on a key), handed in with the command. */
export interface SignedCertificate {
  certificateId: string;
  content: CertificateContent;
  hc1: string;
  issuedAt: string;
  expiresAt: string;
  /** base64 of the 8-byte key id. */
  kid: string;
  hashes: RevocationHashes;
  valueSetVersion: string;
  schemaVersion: string;
}

export type RevocationReason = 'dose-corrected' | 'dose-voided' | 'superseded' | 'holder-details-changed';

interface CommandBase {
  personId: string;
  /** The id of the message that carried the fact: applying it again changes nothing. */
  sourceId: string;
  reference: CertificationReference;
  /** YYYY-MM-DD in Vietnam, for the recovery window; and the instant, for revocations. */
  today: string;
  now: string;
  issue?: SignedCertificate;
}

export interface ApplyInjectionFact extends CommandBase {
  type: 'ApplyInjectionFact';
  fact: InjectionFact;
}

/** The identity check told us the holder's name and date of birth (or new ones). */
export interface IdentifyHolder extends CommandBase {
  type: 'IdentifyHolder';
  holder: Holder;
}

/**
 * The policy (catalogue, rules, validity, value sets) changed: re-derive the certificate under the
 * reference the command carries. The source id names the policy version.
 */
export interface ApplyPolicy extends CommandBase {
  type: 'ApplyPolicy';
}

export type CertificationCommand = ApplyInjectionFact | IdentifyHolder | ApplyPolicy;

export type InjectionFactApplied = {
  type: 'InjectionFactApplied';
  data: { personId: string; sourceId: string; fact: InjectionFact };
};
export type HolderIdentified = {
  type: 'HolderIdentified';
  data: { personId: string; sourceId: string; holder: Holder };
};
export type StatusChanged = {
  type: 'StatusChanged';
  data: { personId: string; status: VaccinationStatus; on: string };
};
export type CertificateIssued = {
  type: 'CertificateIssued';
  data: SignedCertificate & { personId: string; replaces: string | null };
};
export type CertificateRevoked = {
  type: 'CertificateRevoked';
  data: {
    personId: string;
    certificateId: string;
    reason: RevocationReason;
    replacedBy: string | null;
    revokedAt: string;
    kid: string;
    hashes: RevocationHashes;
    expiresAt: string;
  };
};

export type CertificationEvent =
  InjectionFactApplied | HolderIdentified | StatusChanged | CertificateIssued | CertificateRevoked;
