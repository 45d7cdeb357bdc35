import { type EventStore, fold } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';
import type { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import { certificationStream } from '../services/certification/src/application/certification.service';
import {
  certificateToIssue,
  certificationDecider,
} from '../services/certification/src/domain/certificate/certification.decider';
import type {
  CertificationCommand,
  CertificationEvent,
} from '../services/certification/src/domain/certificate/certification.messages';
import type { CertificationReference } from '../services/certification/src/domain/certification-reference';

const IN_FLIGHT = 16;
const VACCINES = ['COMIRNATY', 'AZD1222', 'VEROCELL', 'SPIKEVAX'];
const SYSTEM = { id: 'bench', role: 'system', scope: 'system' };

/**
 * Each person's certification stream as the injection and identity consumers write it (two doses,
 * the holder identified, the certificate issued: the same decider and signer), one append a person.
 * Names and birth dates are synthetic.
 */
export async function loadPeople(
  store: EventStore,
  signer: DccCertificateSigner,
  reference: CertificationReference,
  people: number,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < people) {
      const i = next++;
      const personId = `B${String(i).padStart(9, '0')}`;
      const events = historyOf(personId, i, signer, reference);
      const metadata = { correlationId: personId, causationId: null, actor: SYSTEM, occurredAt: new Date() };
      await store.append(
        certificationStream(personId),
        events.map((e) => ({ id: uuidv7(), type: e.type, schemaVersion: 1, data: e.data, metadata })),
        'no_stream',
      );
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

function historyOf(
  personId: string,
  i: number,
  signer: DccCertificateSigner,
  reference: CertificationReference,
): CertificationEvent[] {
  const now = new Date();
  const base = { personId, reference, today: now.toISOString().slice(0, 10), now: now.toISOString() };
  const vaccineCode = VACCINES[i % VACCINES.length];
  const dose = (n: number): CertificationCommand => ({
    ...base,
    type: 'ApplyInjectionFact',
    sourceId: `${personId}-d${n}`,
    fact: { kind: 'dose-recorded', doseNumber: n, vaccineCode, administeredOn: `2021-0${7 + n}-1${i % 10}` },
  });
  const holder = { fullName: `Nguyễn Văn Bench ${i}`, dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-15` };
  const commands: CertificationCommand[] = [
    dose(1),
    dose(2),
    { ...base, type: 'IdentifyHolder', sourceId: `${personId}-id`, holder },
  ];
  return commands.reduce<CertificationEvent[]>((history, command) => {
    const state = fold(certificationDecider, history);
    const content = certificateToIssue(command, state);
    const issue = content ? signer.sign(content, now) : undefined;
    return [...history, ...certificationDecider.decide({ ...command, issue }, state)];
  }, []);
}
