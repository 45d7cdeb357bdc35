import type { Actor } from '@vax/event-sourcing';

/** One dose on a day's list, as it stood when the list was signed. */
export interface AttestedEntry {
  doseId: string;
  personId: string;
  doseNumber: number;
  vaccineCode: string;
  lotNumber: string;
  administeredOn: string;
  verificationId: string;
}

/**
 * The responsible person signs the site's verified list of one day. The application gathers the
 * entries not yet attested and signs their canonical content; the decider checks who may sign and
 * that nothing on the list was attested before.
 */
export interface AttestDay {
  type: 'AttestDay';
  attestationId: string;
  siteId: string;
  day: string;
  site: { id: string; commune: string } | undefined;
  entries: AttestedEntry[];
  contentSha256: string;
  /** Base64 signature over the content digest by the platform's attestation key, for the signer. */
  signature: string;
  keyId: string;
  signer: Actor;
  signedAt: string;
  today: string;
}

export type DayAttested = {
  type: 'DayAttested';
  data: {
    attestationId: string;
    siteId: string;
    day: string;
    entries: AttestedEntry[];
    contentSha256: string;
    signature: string;
    keyId: string;
    signedBy: string;
    signerRole: string;
    signedAt: string;
  };
};

export type AttestationCommand = AttestDay;
export type AttestationEvent = DayAttested;

export interface AttestationState {
  /** Doses of this site and day already attested: a later list (offline doses synced late) covers only the rest. */
  attestedDoseIds: string[];
  attestations: string[];
}
