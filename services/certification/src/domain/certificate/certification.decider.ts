import type { Decider } from '@vax/event-sourcing';
import { type CertificateContent, certificateContentOf, type Holder, sameContent } from '../dcc/certificate-content';
import { expirySecondsOf } from '../dcc/dcc-payload';
import { type VaccinationStatus, vaccinationStatus } from '../status/vaccination-status.policy';
import type {
  CertificationCommand,
  CertificationEvent,
  HolderIdentified,
  InjectionFactApplied,
  RevocationReason,
} from './certification.messages';
import {
  type CertificationState,
  currentCertificate,
  evolveCertification,
  initialCertificationState,
  type IssuedCertificate,
} from './certification.state';

/** The decider needs a signed certificate for this content; the service signs one and asks again. */
export class SignatureRequired extends Error {
  constructor(readonly content: CertificateContent) {
    super('a certificate must be signed for this content');
    this.name = 'SignatureRequired';
  }
}

interface Plan {
  fact: InjectionFactApplied | HolderIdentified | null;
  status: VaccinationStatus;
  current: IssuedCertificate | undefined;
  /** The content the person's certificate must state now, when it differs from the current one. */
  toIssue: CertificateContent | null;
  revoke: boolean;
}

function plan(command: CertificationCommand, state: CertificationState): Plan {
  const current = currentCertificate(state);
  const none: Plan = { fact: null, status: state.status, current, toIssue: null, revoke: false };
  if (state.appliedSources.has(command.sourceId)) return none;
  const fact = factOf(command, state);
  if (!fact && command.type !== 'ApplyPolicy') return none;
  const next = fact ? evolveCertification(state, fact) : state;
  const status = vaccinationStatus(next.facts, command.reference, command.today);
  const desired = next.holder && certificateContentOf(status, next.facts, next.holder, command.reference);
  const unchanged =
    sameContent(desired ?? null, current?.content ?? null) && !(current && issuedUnderOtherTerms(current, command));
  return { fact, status, current, toIssue: unchanged ? null : (desired ?? null), revoke: !unchanged && !!current };
}

/**
 * Under a new policy, a certificate whose content still holds is reissued when it would now be
 * issued otherwise: another validity period, value-set or schema version. Facts never ask this
 * (a certificate is not reissued because the policy moved while a dose was recorded).
 */
function issuedUnderOtherTerms(current: IssuedCertificate, command: CertificationCommand): boolean {
  if (command.type !== 'ApplyPolicy') return false;
  const { reference } = command;
  const expiry = expirySecondsOf(new Date(current.issuedAt), reference) * 1000;
  return (
    expiry !== Date.parse(current.expiresAt) ||
    current.valueSetVersion !== reference.valueSetVersion ||
    current.schemaVersion !== reference.schemaVersion
  );
}

function factOf(command: CertificationCommand, state: CertificationState) {
  const { personId, sourceId } = command;
  if (command.type === 'ApplyPolicy') return null; // nothing new about the person
  if (command.type === 'ApplyInjectionFact')
    return { type: 'InjectionFactApplied', data: { personId, sourceId, fact: command.fact } } as const;
  if (state.holder && sameHolder(state.holder, command.holder)) return null; // every dose re-verifies the person
  return { type: 'HolderIdentified', data: { personId, sourceId, holder: command.holder } } as const;
}

/** What the service must sign before deciding, if anything. */
export function certificateToIssue(
  command: CertificationCommand,
  state: CertificationState,
): CertificateContent | null {
  return plan(command, state).toIssue;
}

/**
 * A person's certification: facts from injections and identity, the status they make, and the
 * certificate that states it. When the content a certificate must state changes (a new dose, a
 * correction, a void, a corrected name), the current certificate is revoked and a new one with a
 * new identifier is issued, in the same append: never two valid certificates, never a gap in
 * between. A message applied twice changes nothing. A new policy re-derives the certificate from the
 * same facts and reissues it when it would now say or be issued otherwise (revoked as superseded).
 */
export const certificationDecider: Decider<CertificationState, CertificationCommand, CertificationEvent> = {
  initialState: initialCertificationState,
  evolve: evolveCertification,

  decide(command, state) {
    const p = plan(command, state);
    if (!p.fact && !p.toIssue && JSON.stringify(p.status) === JSON.stringify(state.status)) return [];
    const { personId, issue } = command;
    const events: CertificationEvent[] = p.fact ? [p.fact] : [];
    if (JSON.stringify(p.status) !== JSON.stringify(state.status))
      events.push({ type: 'StatusChanged', data: { personId, status: p.status, on: command.today } });
    if (p.toIssue && !(issue && sameContent(issue.content, p.toIssue))) throw new SignatureRequired(p.toIssue);
    const replacement = p.toIssue ? issue! : null;
    if (p.revoke && p.current) {
      const { certificateId, kid, hashes, expiresAt } = p.current;
      const reason = revocationReason(command);
      const revokedAt = command.now;
      const replacedBy = replacement?.certificateId ?? null;
      events.push({
        type: 'CertificateRevoked',
        data: { personId, certificateId, reason, replacedBy, revokedAt, kid, hashes, expiresAt },
      });
    }
    if (replacement)
      events.push({
        type: 'CertificateIssued',
        data: { ...replacement, personId, replaces: p.current?.certificateId ?? null },
      });
    return events;
  },
};

function revocationReason(command: CertificationCommand): RevocationReason {
  if (command.type === 'IdentifyHolder') return 'holder-details-changed';
  if (command.type === 'ApplyPolicy') return 'superseded';
  if (command.fact.kind === 'dose-corrected') return 'dose-corrected';
  if (command.fact.kind === 'dose-voided') return 'dose-voided';
  return 'superseded';
}

const sameHolder = (a: Holder, b: Holder) =>
  a.fullName.normalize('NFC') === b.fullName.normalize('NFC') && a.dateOfBirth === b.dateOfBirth;
