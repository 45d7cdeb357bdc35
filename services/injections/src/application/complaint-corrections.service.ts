import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { immunizationRecordDecider } from '../domain/record/immunization-record.decider';
import type { ApplyComplaintCorrection, DoseDetails, DosePolicy } from '../domain/record/record.messages';
import type { ReferenceData } from '../reference/reference-data';
import { recordStream } from './dose-recording.service';
import type { VerificationFacts } from './ports/verification-facts.port';

interface Common {
  commandId: string;
  complaintId: string;
  personId: string;
  reason: string;
}
export type ComplaintCorrectionRequest =
  | (Common & { kind: 'CorrectDose'; doseNumber: number; after: DoseDetails })
  | (Common & { kind: 'VoidDose'; doseNumber: number })
  | (Common & { kind: 'AddMissingDose'; dose: DoseDetails; verificationId: string });

/**
 * Applies the changes complaints ask for (injections.corrections.v1). The record decides: the change
 * is applied once per command id, or refused on the record with the reasons; both are published, so
 * the complaint's workflow always hears back.
 */
export class ComplaintCorrectionsService {
  constructor(
    private readonly store: EventStore,
    private readonly facts: VerificationFacts,
    private readonly reference: ReferenceData,
    private readonly policy: DosePolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(request: ComplaintCorrectionRequest, actor: Actor, meta: { correlationId: string; causationId: string }) {
    const now = this.clock();
    const command: ApplyComplaintCorrection = {
      type: 'ApplyComplaintCorrection',
      commandId: request.commandId,
      complaintId: request.complaintId,
      personId: request.personId,
      change: await this.change(request, actor, now),
    };
    const { events } = await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(request.personId),
      command,
      { ...meta, actor, occurredAt: now },
    );
    return events.map((e) => e.type);
  }

  private async change(request: ComplaintCorrectionRequest, actor: Actor, now: Date) {
    const { personId, reason } = request;
    const today = vietnamToday(now);
    const { catalogue, sites } = this.reference;
    switch (request.kind) {
      case 'CorrectDose':
        return {
          type: 'CorrectDose' as const,
          personId,
          doseNumber: request.doseNumber,
          after: request.after,
          reason,
          site: sites.get(request.after.siteId),
          catalogue,
          correctedBy: actor,
          today,
        };
      case 'VoidDose':
        return { type: 'VoidDose' as const, personId, doseNumber: request.doseNumber, reason, voidedBy: actor };
      case 'AddMissingDose':
        return {
          type: 'RecordDose' as const,
          doseId: request.commandId,
          personId,
          ...request.dose,
          verification: await this.facts.find(request.verificationId),
          site: sites.get(request.dose.siteId),
          catalogue,
          policy: this.policy,
          recordedBy: actor,
          now: now.toISOString(),
          today,
        };
    }
  }
}
