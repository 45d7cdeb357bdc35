import type { CertificationState, IssuedCertificate } from '../domain/certificate/certification.state';
import type { CertificationReference } from '../domain/certification-reference';
import { type VaccinationStatus, vaccinationStatus } from '../domain/status/vaccination-status.policy';
import type { CertificateDocument } from './certificate-document';

/** A person's certification as the HTTP API shows it: status today, the valid certificate, the history. */
export function certificationView(
  personId: string,
  state: CertificationState,
  ref: CertificationReference,
  today: string,
) {
  const current = state.certificates.find((c) => c.revoked === null) ?? null;
  const status: VaccinationStatus = vaccinationStatus(state.facts, ref, today);
  return {
    personId,
    status,
    certificate: current && summary(current),
    history: state.certificates.map((c) => ({ ...summary(c), revoked: c.revoked })),
  };
}

function summary(c: IssuedCertificate) {
  return {
    certificateId: c.certificateId,
    type: c.content.type,
    status: c.content.status,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
    kid: c.kid,
    valueSetVersion: c.valueSetVersion,
    hc1: c.hc1,
    replaces: c.replaces,
  };
}

/** What the printed certificate needs: the valid certificate and every dose given. */
export function certificateDocumentOf(
  state: CertificationState,
  ref: CertificationReference,
  development: boolean,
): CertificateDocument | null {
  const current = state.certificates.find((c) => c.revoked === null);
  if (!current) return null;
  const doses = state.facts.doses
    .filter((d) => !d.voided)
    .map((d) => ({ ...d, vaccineName: ref.catalogue.get(d.vaccineCode)?.name ?? d.vaccineCode }));
  return { ...current, doses, development };
}
