import { type Actor, type EventStore, fold, WrongExpectedRevisionError } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { v7 as uuidv7 } from 'uuid';
import { certificateToIssue, certificationDecider } from '../domain/certificate/certification.decider';
import type { CertificationCommand } from '../domain/certificate/certification.messages';
import type { CertificationState } from '../domain/certificate/certification.state';
import type { CertificationReference } from '../domain/certification-reference';
import type { Holder } from '../domain/dcc/certificate-content';
import type { InjectionFact } from '../domain/status/vaccination-facts';
import type { CertificateSigner } from './certificate-signer';

export const certificationStream = (personId: string) => `certification-${personId}`;

/** Where a fact came from: the message that carried it, for idempotency and the events' causation. */
export interface Source {
  messageId: string;
  correlationId: string;
  actor: Actor;
}

const MAX_ATTEMPTS = 6;

/**
 * Keeps each person's certification stream: load, fold, sign what the decider will ask for, decide,
 * append at the expected revision; on a concurrent append, all of it again (a certificate signed
 * for a stale state is simply never recorded).
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
    return fold(certificationDecider, (await this.store.readStream(certificationStream(personId))) as never);
  }

  private async handle(
    personId: string,
    source: Source,
    build: (base: Omit<CertificationCommand, 'type' | 'fact' | 'holder'>) => CertificationCommand,
  ): Promise<number> {
    const stream = certificationStream(personId);
    for (let attempt = 1; ; attempt++) {
      const now = this.clock();
      const recorded = await this.store.readStream(stream);
      const state = fold(certificationDecider, recorded as never);
      const base = {
        personId,
        sourceId: source.messageId,
        reference: this.reference,
        today: vietnamToday(now),
        now: now.toISOString(),
      };
      const command = build(base);
      const content = certificateToIssue(command, state);
      const issue = content ? this.signer.sign(content, now) : undefined;
      const events = certificationDecider.decide({ ...command, issue }, state);
      if (events.length === 0) return 0;
      const metadata = {
        correlationId: source.correlationId,
        causationId: source.messageId,
        actor: source.actor,
        occurredAt: now,
      };
      const expected = recorded.length ? recorded[recorded.length - 1].revision : 'no_stream';
      try {
        await this.store.append(
          stream,
          events.map((e) => ({ id: uuidv7(), type: e.type, schemaVersion: 1, data: e.data, metadata })),
          expected,
        );
        return events.length;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
