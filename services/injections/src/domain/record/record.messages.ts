import type { Actor } from '@vax/event-sourcing';
import type { VaccinationSite, Vaccine } from '../catalogue/vaccine';

/** What injections knows of a person's identity check, from identity.events.v1. */
export interface VerificationFact {
  verificationId: string;
  personId: string | null;
  /** After police review: an overridden mismatch stands verified. */
  standing: 'verified' | 'mismatched' | 'not-found';
  checkedAt: string;
}

/** Rules that are province policy, not code. */
export interface DosePolicy {
  /** How old an identity verification may be when the dose is recorded. */
  verificationFreshHours: number;
  allowMixedSchedules: boolean;
  boosterMinIntervalDays: number;
}

export interface DoseDetails {
  vaccineCode: string;
  lotNumber: string;
  /** YYYY-MM-DD */
  administeredOn: string;
  siteId: string;
}

export interface RecordDose extends DoseDetails {
  type: 'RecordDose';
  /** Client-generated: the same dose sent twice is recorded once. */
  doseId: string;
  personId: string;
  verification: VerificationFact | undefined;
  site: VaccinationSite | undefined;
  catalogue: ReadonlyMap<string, Vaccine>;
  policy: DosePolicy;
  recordedBy: Actor;
  /** ISO instant; today is its date in Vietnam. */
  now: string;
  today: string;
}

export type DoseRecorded = {
  type: 'DoseRecorded';
  data: DoseDetails & {
    doseId: string;
    personId: string;
    doseNumber: number;
    verificationId: string;
    recordedBy: string;
  };
};

/** Fix a recorded dose's details (answering a complaint, or a site's own correction). */
export interface CorrectDose {
  type: 'CorrectDose';
  personId: string;
  doseNumber: number;
  after: DoseDetails;
  reason: string;
  complaintId?: string;
  site: VaccinationSite | undefined;
  catalogue: ReadonlyMap<string, Vaccine>;
  correctedBy: Actor;
  today: string;
}

/** Cancel a dose that was never given (entered twice, or for the wrong person); it stays on record as voided. */
export interface VoidDose {
  type: 'VoidDose';
  personId: string;
  doseNumber: number;
  reason: string;
  complaintId?: string;
  voidedBy: Actor;
}

/** A recovered COVID-19 patient (F0), entered by the commune health station. */
export interface RecordRecovery {
  type: 'RecordRecovery';
  personId: string;
  positiveTestOn: string;
  recoveredOn: string;
  evidenceReference: string;
  station: (VaccinationSite & { kind: string }) | undefined;
  stationId: string;
  recordedBy: Actor;
  today: string;
}

export type DoseCorrected = {
  type: 'DoseCorrected';
  data: {
    personId: string;
    doseNumber: number;
    before: DoseDetails;
    after: DoseDetails;
    reason: string;
    complaintId: string | null;
    correctedBy: string;
  };
};

export type DoseVoided = {
  type: 'DoseVoided';
  data: { personId: string; doseNumber: number; reason: string; complaintId: string | null; voidedBy: string };
};

export type RecoveryRecorded = {
  type: 'RecoveryRecorded';
  data: {
    personId: string;
    positiveTestOn: string;
    recoveredOn: string;
    evidenceReference: string;
    stationId: string;
    recordedBy: string;
  };
};

export type RecordCommand = RecordDose | CorrectDose | VoidDose | RecordRecovery;
export type RecordEvent = DoseRecorded | DoseCorrected | DoseVoided | RecoveryRecorded;
