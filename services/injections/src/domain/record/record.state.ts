import type { DoseDetails } from './record.messages';

export interface RecordedDose extends DoseDetails {
  doseId: string;
  doseNumber: number;
  voided: boolean;
}

export interface RecordState {
  doses: RecordedDose[];
  recoveries: { positiveTestOn: string; recoveredOn: string }[];
}
