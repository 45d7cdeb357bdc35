import type { DoseDetails } from './dose-details';

export interface RecordedDose extends DoseDetails {
  doseId: string;
  doseNumber: number;
  voided: boolean;
}

export interface RecordState {
  doses: RecordedDose[];
  recoveries: { positiveTestOn: string; recoveredOn: string }[];
  /** Complaint correction commands already applied or refused. */
  appliedCommands: string[];
  /** Set when this record was a duplicate, merged into another person's record: it takes no more changes. */
  mergedInto: string | null;
  /** Duplicate records this one absorbed. */
  absorbed: string[];
}
