import { type Actor, type EventStore, fold, handleCommand } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { certificateToIssue, certificationDecider } from '../domain/certificate/certification.decider';
import type { CertificationCommand } from '../domain/certificate/certification.messages';
import type { CertificationState } from '../domain/certificate/certification.state';
import { certificationUpcasters } from '../domain/certificate/certification.upcasters';
import type { CertificationReference } from '../domain/certification-reference';
import type { Holder } from '../domain/dcc/certificate-content';
import type { InjectionFact } from '../domain/status/vaccination-facts';
import type { CertificateSigner } from './ports/certificate-signer.port';

export const certificationStream = (personId: string) => `certification-${personId}`;

/** Where a fact came from: the message that carried it, for idempotency and the events' causation. */
export interface Source {
  messageId: string;
  correlationId: string;
  actor: Actor;
}

/**
 * Keeps each person's certification stream through the shared handleCommand: load, upcast, fold,
 * sign what the decider will ask for, decide, append at the expected revision; on a concurrent
 * append, all of it again (a certificate signed for a stale state is simply never recorded).
 */
export class CertificationService {
  constructor(
    private readonly store: EventStore,
    private readonly signer: CertificateSigner,
    private readonly reference: CertificationReference,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  applyInjectionFact(personId: string, fact: InjectionFact, source: Source) {
    return this.handle(personId, source, (base) => ({ ...base, type: 'ApplyInjectionFact', fact }));
  }

  identifyHolder(personId: string, holder: Holder, source: Source) {
    return this.handle(personId, source, (base) => ({ ...base, type: 'IdentifyHolder', holder }));
  }

  /** Re-derives the person's certificate under the reference this service was built with. */
  applyPolicy(personId: string, source: Source) {
    return this.handle(personId, source, (base) => ({ ...base, type: 'ApplyPolicy' }));
  }

  get policyVersion(): string {
    return this.reference.policyVersion;
  }

  async state(personId: string): Promise<CertificationState> {
    const recorded = await this.store.readStream(certificationStream(personId));
    return fold(certificationDecider, recorded.map((e) => certificationUpcasters.upcast(e)) as never);
  }

  private async handle(
    personId: string,
    source: Source,
    build: (base: Omit<CertificationCommand, 'type' | 'fact' | 'holder'>) => CertificationCommand,
  ): Promise<number> {
    // Signed for the state it is decided on: built again, with the clock read again, on each attempt.
    const signedFor = (state: CertificationState): CertificationCommand => {
      const now = this.clock();
      const command = build({
        personId,
        sourceId: source.messageId,
        reference: this.reference,
        today: vietnamToday(now),
        now: now.toISOString(),
      });
      const content = certificateToIssue(command, state);
      return { ...command, issue: content ? this.signer.sign(content, now) : undefined };
    };
    const { events } = await handleCommand(
      this.store,
      certificationDecider,
      certificationStream(personId),
      signedFor,
      (command) => ({
        correlationId: source.correlationId,
        causationId: source.messageId,
        actor: source.actor,
        occurredAt: new Date(command.now),
      }),
      { upcasters: certificationUpcasters },
    );
    return events.length;
  }
}
