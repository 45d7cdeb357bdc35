import type { CertificationReference } from '../certification-reference';
import { addMonths } from '../status/calendar';
import { type DccName, dccNameOf } from '../names/vietnamese-name';
import type { CertificateContent, RecoveryEntry, VaccinationEntry } from './certificate-content';

/** The EU DCC payload (schema 1.3.0): name, date of birth, one entry. No ID-card number, by construction. */
export interface DccPayload {
  ver: string;
  nam: DccName;
  dob: string;
  v?: (VaccinationEntry & { ci: string })[];
  r?: (RecoveryEntry & { ci: string })[];
}

export function dccPayloadOf(
  content: CertificateContent,
  certificateId: string,
  ref: CertificationReference,
): DccPayload {
  const ver = ref.schemaVersion;
  const nam = dccNameOf(content.holder.fullName);
  const dob = content.holder.dateOfBirth;
  return content.type === 'v'
    ? { ver, nam, dob, v: [{ ...content.entry, ci: certificateId }] }
    : { ver, nam, dob, r: [{ ...content.entry, ci: certificateId }] };
}

/** CWT claims of an HCERT: issuer country, issued-at and expiry in whole seconds (I-CO4), the payload. */
export interface CwtClaims {
  iss: string;
  iat: number;
  exp: number;
  hcert: DccPayload;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Expiry `certificateValidityMonths` (12, Decision 5772/QĐ-BYT) after issue, in whole seconds. */
export const expirySecondsOf = (issuedAt: Date, ref: CertificationReference): number =>
  seconds(addMonths(issuedAt, ref.policy.certificateValidityMonths));

export function cwtClaimsOf(payload: DccPayload, issuedAt: Date, ref: CertificationReference): CwtClaims {
  return { iss: ref.issuer.country, iat: seconds(issuedAt), exp: expirySecondsOf(issuedAt, ref), hcert: payload };
}
