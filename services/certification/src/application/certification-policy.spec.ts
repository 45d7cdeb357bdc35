import { fold } from '@vax/event-sourcing';
import type { CertificationCommand, CertificationEvent } from '../domain/certificate/certification.messages';
import { certificateToIssue, certificationDecider } from '../domain/certificate/certification.decider';
import { currentCertificate } from '../domain/certificate/certification.state';
import { loadCertificationReference } from '../reference/certification-reference.loader';
import vaccines from '../reference/vaccines.json';
import { DccCertificateSigner } from '../adapters/hcert/dcc-certificate-signer';
import { reference, testSigner } from './certification.spec-fixtures';

const NOW = '2021-12-01T03:00:00.000Z';
const LATER = '2022-01-10T03:00:00.000Z';
type Setup = Awaited<ReturnType<typeof testSigner>>;
let setup: Setup;
beforeAll(async () => {
  setup = await testSigner(new Date(NOW));
});

const policyWith = (changes: Partial<typeof vaccines.policy>, primaryDoses?: number) =>
  loadCertificationReference({
    ...vaccines,
    policy: { ...vaccines.policy, ...changes },
    vaccines: vaccines.vaccines.map((v) => (primaryDoses && v.code === 'AZD1222' ? { ...v, primaryDoses } : v)),
  });

/** Load, plan, sign with the command's own reference, decide: what the service does. */
function run(history: CertificationEvent[], command: CertificationCommand): CertificationEvent[] {
  const state = fold(certificationDecider, history);
  const content = certificateToIssue(command, state);
  const signer = new DccCertificateSigner(setup.keys, command.reference, 'LC');
  const issue = content ? signer.sign(content, new Date(command.now)) : undefined;
  return [...history, ...certificationDecider.decide({ ...command, issue }, state)];
}

const at = (now: string, ref = reference) => ({ personId: 'P1', reference: ref, today: now.slice(0, 10), now });
const holder = { fullName: 'Lò Thị Đào', dateOfBirth: '1990-03-04' };
const dose = (n: number, on: string): CertificationCommand => ({
  ...at(NOW),
  type: 'ApplyInjectionFact',
  sourceId: `m-${n}`,
  fact: { kind: 'dose-recorded', doseNumber: n, vaccineCode: 'AZD1222', administeredOn: on },
});
const identify: CertificationCommand = { ...at(NOW), type: 'IdentifyHolder', sourceId: 'id-1', holder };
const applyPolicy = (ref: typeof reference): CertificationCommand => ({
  ...at(LATER, ref),
  type: 'ApplyPolicy',
  sourceId: `policy-${ref.policyVersion}`,
});
const fullyVaccinated = () => [dose(1, '2021-09-01'), dose(2, '2021-10-01'), identify].reduce(run, []);
const newEvents = (before: CertificationEvent[], after: CertificationEvent[]) => after.slice(before.length);

describe('certification under a changed policy', () => {
  it('a policy of the same terms has the same version, and reissues nothing', () => {
    const history = fullyVaccinated();
    expect(policyWith({}).policyVersion).toBe(reference.policyVersion);
    expect(newEvents(history, run(history, applyPolicy(policyWith({}))))).toEqual([]);
  });

  it('a longer validity reissues the certificate with the new expiry, the old one revoked as superseded', () => {
    const history = fullyVaccinated();
    const longer = policyWith({ certificateValidityMonths: 24 });
    expect(longer.policyVersion).not.toBe(reference.policyVersion);
    const old = currentCertificate(fold(certificationDecider, history))!;
    const added = newEvents(history, run(history, applyPolicy(longer)));
    expect(added.map((e) => e.type)).toEqual(['CertificateRevoked', 'CertificateIssued']);
    const [revoked, issued] = added as [
      Extract<CertificationEvent, { type: 'CertificateRevoked' }>,
      Extract<CertificationEvent, { type: 'CertificateIssued' }>,
    ];
    expect(revoked.data).toMatchObject({ certificateId: old.certificateId, reason: 'superseded' });
    expect(revoked.data.replacedBy).toBe(issued.data.certificateId);
    expect(issued.data).toMatchObject({
      content: old.content,
      replaces: old.certificateId,
      issuedAt: LATER,
    });
    expect(issued.data.expiresAt).toBe('2024-01-10T03:00:00.000Z');
  });

  it('applying the same policy again changes nothing', () => {
    const longer = policyWith({ certificateValidityMonths: 24 });
    const once = run(fullyVaccinated(), applyPolicy(longer));
    expect(newEvents(once, run(once, applyPolicy(longer)))).toEqual([]);
  });

  it('a policy that changes what counts as complete changes the status and what the certificate states', () => {
    const history = fullyVaccinated();
    const threeDoses = policyWith({}, 3);
    const added = newEvents(history, run(history, applyPolicy(threeDoses)));
    expect(added.map((e) => e.type)).toEqual(['StatusChanged', 'CertificateRevoked', 'CertificateIssued']);
    expect(added[2].data).toMatchObject({ content: { status: 'partially-vaccinated', entry: { dn: 2, sd: 3 } } });
  });

  it('a person without a certificate gets none from a policy change', () => {
    const history = [dose(1, '2021-09-01')].reduce(run, []);
    expect(newEvents(history, run(history, applyPolicy(policyWith({ certificateValidityMonths: 24 }))))).toEqual([]);
  });
});
