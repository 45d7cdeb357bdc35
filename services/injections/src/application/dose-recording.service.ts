import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import {
  type RecordState,
  type RecordedDose,
  immunizationRecordDecider,
} from '../domain/record/immunization-record.decider';
import type { DoseDetails, DosePolicy } from '../domain/record/record.messages';
import type { ReferenceData } from '../reference/reference-data';
import type { VerificationFacts } from './ports/verification-facts.port';

export const recordStream = (personId: string) => `record-${personId}`;

export interface DoseRequest extends DoseDetails {
  doseId: string;
  verificationId: string;
}

export type RecordingOutcome = { outcome: 'recorded' | 'already-recorded'; dose: RecordedDose };

/** Records doses on people's immunization records; two staff at once cannot both create the same dose number. */
export class DoseRecordingService {
  constructor(
    private readonly store: EventStore,
    private readonly facts: VerificationFacts,
    private readonly reference: ReferenceData,
    private readonly policy: DosePolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(personId: string, request: DoseRequest, actor: Actor, correlationId: string): Promise<RecordingOutcome> {
    const now = this.clock();
    const { events, state } = await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(personId),
      {
        type: 'RecordDose',
        personId,
        ...request,
        verification: await this.facts.find(request.verificationId),
        site: this.reference.sites.get(request.siteId),
        catalogue: this.reference.catalogue,
        policy: this.policy,
        recordedBy: actor,
        now: now.toISOString(),
        today: vietnamToday(now),
      },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    const dose = state.doses.find((d) => d.doseId === request.doseId)!;
    return { outcome: events.length > 0 ? 'recorded' : 'already-recorded', dose };
  }

  async correct(
    personId: string,
    doseNumber: number,
    change: DoseDetails & { reason: string; complaintId?: string },
    actor: Actor,
    correlationId: string,
  ) {
    const now = this.clock();
    const { reason, complaintId, ...after } = change;
    await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(personId),
      {
        type: 'CorrectDose',
        personId,
        doseNumber,
        after,
        reason,
        complaintId,
        site: this.reference.sites.get(after.siteId),
        catalogue: this.reference.catalogue,
        correctedBy: actor,
        today: vietnamToday(now),
      },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    return this.history(personId);
  }

  async void(
    personId: string,
    doseNumber: number,
    reason: string,
    complaintId: string | undefined,
    actor: Actor,
    correlationId: string,
  ) {
    const now = this.clock();
    await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(personId),
      { type: 'VoidDose', personId, doseNumber, reason, complaintId, voidedBy: actor },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    return this.history(personId);
  }

  async recordRecovery(
    personId: string,
    r: { positiveTestOn: string; recoveredOn: string; evidenceReference: string; stationId: string },
    actor: Actor,
    correlationId: string,
  ) {
    const now = this.clock();
    const { state } = await handleCommand(
      this.store,
      immunizationRecordDecider,
      recordStream(personId),
      {
        type: 'RecordRecovery',
        personId,
        ...r,
        station: this.reference.sites.get(r.stationId),
        recordedBy: actor,
        today: vietnamToday(now),
      },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    return state.recoveries;
  }

  /** The record now, or as it stood at a past instant (event sourcing keeps every earlier state). */
  async history(personId: string, asOf?: Date): Promise<RecordedDose[]> {
    return (await this.recordAt(personId, asOf)).doses;
  }

  async recordAt(personId: string, asOf?: Date): Promise<RecordState> {
    const events = (await this.store.readStream(recordStream(personId))).filter((e) => !asOf || e.recordedAt <= asOf);
    return events.reduce(
      (state, e) => immunizationRecordDecider.evolve(state, e as never),
      immunizationRecordDecider.initialState(),
    );
  }
}
