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

export type RecordCommand = RecordDose;
export type RecordEvent = DoseRecorded;
