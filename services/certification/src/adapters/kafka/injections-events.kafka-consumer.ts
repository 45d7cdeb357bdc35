import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type DoseCorrected,
  type DoseRecorded,
  type DoseVoided,
  InjectionsEventsV1,
  type PublicMessage,
  type RecoveryRecorded,
} from '@vax/contracts';
import type { Inbox } from '@vax/messaging';
import { CertificationService, type Source } from '../../application/certification.service';
import type { InjectionFact } from '../../domain/status/vaccination-facts';

export const CERTIFICATION_INBOX = Symbol('CERTIFICATION_INBOX');

/** The injection events a person's status and certificate are computed from. */
const CHANGING_A_CERTIFICATE = new Set(['DoseRecorded', 'DoseCorrected', 'DoseVoided', 'RecoveryRecorded'] as const);

/**
 * Each injection fact recomputes the person's status and certificate, once. The event store is not
 * reachable from the inbox's transaction, and holding that transaction's connection while the store
 * takes others starves the pool under parallel partitions; so the effect runs first, made
 * idempotent by the decider (it ignores a message id it already applied), and the inbox then
 * records the message as processed.
 */
@Controller()
export class InjectionsEventsKafkaConsumer {
  constructor(
    @Inject(CERTIFICATION_INBOX) private readonly inbox: Inbox,
    @Inject(CertificationService) private readonly certification: CertificationService,
  ) {}

  @EventPattern(InjectionsEventsV1.topic)
  async onInjectionEvent(@Payload() raw: unknown): Promise<void> {
    const message = InjectionsEventsV1.parseHandled(raw, CHANGING_A_CERTIFICATE);
    if (!message) return; // attestations and merges: nothing a certificate is computed from
    const fact = factOf(message);
    if (fact) await this.certification.applyInjectionFact(fact.personId, fact.fact, sourceOf(message));
    await this.inbox.runOnce(message.eventId, async () => undefined);
  }
}

export function sourceOf(message: PublicMessage): Source {
  return { messageId: message.eventId, correlationId: message.correlationId, actor: message.actor };
}

function factOf(message: PublicMessage): { personId: string; fact: InjectionFact } | null {
  switch (message.type) {
    case 'DoseRecorded': {
      const p = message.payload as DoseRecorded;
      const { doseNumber, vaccineCode, administeredOn } = p.dose;
      return { personId: p.personId, fact: { kind: 'dose-recorded', doseNumber, vaccineCode, administeredOn } };
    }
    case 'DoseCorrected': {
      const p = message.payload as DoseCorrected;
      const { doseNumber, vaccineCode, administeredOn } = p.after;
      return { personId: p.personId, fact: { kind: 'dose-corrected', doseNumber, vaccineCode, administeredOn } };
    }
    case 'DoseVoided': {
      const p = message.payload as DoseVoided;
      return { personId: p.personId, fact: { kind: 'dose-voided', doseNumber: p.doseNumber } };
    }
    case 'RecoveryRecorded': {
      const p = message.payload as RecoveryRecorded;
      return {
        personId: p.personId,
        fact: { kind: 'recovery-recorded', positiveTestOn: p.positiveTestOn, recoveredOn: p.recoveredOn },
      };
    }
    default:
      return null;
  }
}
