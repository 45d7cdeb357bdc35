import type { Holder } from '../dcc/certificate-content';
import { assertNever, NO_FACTS, type VaccinationFacts, withFact } from '../status/vaccination-facts';
import type { VaccinationStatus } from '../status/vaccination-status.policy';
import type { CertificationEvent, RevocationReason, SignedCertificate } from './certification.messages';

export interface IssuedCertificate extends SignedCertificate {
  replaces: string | null;
  revoked: { at: string; reason: RevocationReason; replacedBy: string | null } | null;
}

/** One person's certification: the facts, the status, and every certificate ever issued. */
export interface CertificationState {
  personId: string | null;
  holder: Holder | null;
  facts: VaccinationFacts;
  appliedSources: ReadonlySet<string>;
  status: VaccinationStatus;
  certificates: IssuedCertificate[];
}

export const initialCertificationState = (): CertificationState => ({
  personId: null,
  holder: null,
  facts: NO_FACTS,
  appliedSources: new Set(),
  status: { status: 'not-vaccinated' },
  certificates: [],
});

/** The one certificate not revoked, if any: the decider never lets there be two. */
export const currentCertificate = (state: CertificationState): IssuedCertificate | undefined =>
  state.certificates.find((c) => c.revoked === null);

const withSource = (state: CertificationState, sourceId: string) => new Set([...state.appliedSources, sourceId]);

export function evolveCertification(state: CertificationState, event: CertificationEvent): CertificationState {
  switch (event.type) {
    case 'InjectionFactApplied':
      return {
        ...state,
        personId: event.data.personId,
        facts: withFact(state.facts, event.data.fact),
        appliedSources: withSource(state, event.data.sourceId),
      };
    case 'HolderIdentified':
      return {
        ...state,
        personId: event.data.personId,
        holder: event.data.holder,
        appliedSources: withSource(state, event.data.sourceId),
      };
    case 'StatusChanged':
      return { ...state, status: event.data.status };
    case 'CertificateIssued': {
      const { personId: _, ...certificate } = event.data;
      return { ...state, certificates: [...state.certificates, { ...certificate, revoked: null }] };
    }
    case 'CertificateRevoked': {
      const { certificateId, revokedAt, reason, replacedBy } = event.data;
      return {
        ...state,
        certificates: state.certificates.map((c) =>
          c.certificateId === certificateId ? { ...c, revoked: { at: revokedAt, reason, replacedBy } } : c,
        ),
      };
    }
    default:
      return assertNever(event);
  }
}
