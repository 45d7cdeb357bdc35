import type { Actor } from '@vax/event-sourcing';
import type { VaccinationSite, Vaccine } from '../catalogue/vaccine';
import type { DoseDetails } from './dose-details';
import type { ImportLegacyDose, LegacyDoseImported, LegacyDoseRefused } from './legacy-dose.messages';
import type { RecordedDose } from './record.state';

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

export type { DoseDetails } from './dose-details';

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
  /**
   * Set when a complaint's handling adds a dose the person was missing: the identity check is the
   * complaint's (any age, still positive) and the accepting staff need not be of the dose's site.
   */
  complaintId?: string;
}

export type DoseRecorded = {
  type: 'DoseRecorded';
  data: DoseDetails & {
    doseId: string;
    personId: string;
    doseNumber: number;
    verificationId: string;
    recordedBy: string;
    complaintId?: string | null;
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

/**
 * A change a complaint's handling asks for (injections.corrections.v1). Applied once per command id;
 * a change that breaks the rules is refused on the record, so the complaint hears why.
 */
export interface ApplyComplaintCorrection {
  type: 'ApplyComplaintCorrection';
  commandId: string;
  complaintId: string;
  personId: string;
  change: RecordDose | CorrectDose | VoidDose;
}

export type CorrectionRefused = {
  type: 'CorrectionRefused';
  data: {
    personId: string;
    commandId: string;
    complaintId: string;
    problems: { field: string; rule: string; message: string }[];
  };
};

/** Command ids are kept on the events they caused, so a redelivered command changes nothing. */
export type CorrectionApplied = { type: 'CorrectionApplied'; data: { personId: string; commandId: string } };

export type RecordCommand =
  | RecordDose
  | CorrectDose
  | VoidDose
  | RecordRecovery
  | ApplyComplaintCorrection
  | MarkMergedInto
  | AbsorbDuplicate
  | ImportLegacyDose;
export type RecordEvent =
  | DoseRecorded
  | DoseCorrected
  | DoseVoided
  | RecoveryRecorded
  | CorrectionApplied
  | CorrectionRefused
  | RecordMergedInto
  | DuplicateAbsorbed
  | LegacyDoseImported
  | LegacyDoseRefused;

/** One person had two records (two ID numbers, a typo): the duplicate closes, pointing at the survivor. */
export interface MarkMergedInto {
  type: 'MarkMergedInto';
  personId: string;
  intoPersonId: string;
  reason: string;
  mergedBy: Actor;
}

/** The survivor takes the duplicate's doses; the same dose on both records is kept once. */
export interface AbsorbDuplicate {
  type: 'AbsorbDuplicate';
  personId: string;
  fromPersonId: string;
  /** The duplicate's record as it stood when it was closed. */
  duplicate: { doses: RecordedDose[]; mergedInto: string | null };
  reason: string;
  mergedBy: Actor;
}

export type RecordMergedInto = {
  type: 'RecordMergedInto';
  data: { personId: string; intoPersonId: string; reason: string; mergedBy: string };
};

export type DuplicateAbsorbed = {
  type: 'DuplicateAbsorbed';
  data: {
    personId: string;
    fromPersonId: string;
    /** The duplicate's doses taken over (ids kept); the same dose on both records is not among them. */
    movedDoseIds: string[];
    /** The survivor's doses afterwards, numbered again in the order they were given. */
    doses: RecordedDose[];
    reason: string;
    mergedBy: string;
  };
};
