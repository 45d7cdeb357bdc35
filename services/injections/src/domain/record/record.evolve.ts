import type { RecordEvent } from './record.messages';
import type { RecordState } from './record.state';

export const initialRecordState = (): RecordState => ({
  doses: [],
  recoveries: [],
  appliedCommands: [],
  mergedInto: null,
  absorbed: [],
});

/** Folds one event into a record. Events written before a field existed leave it at its default. */
export function evolveRecord(state: RecordState, event: RecordEvent): RecordState {
  switch (event.type) {
    case 'DoseRecorded': {
      const { doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId } = event.data;
      const dose = { doseId, doseNumber, vaccineCode, lotNumber, administeredOn, siteId, voided: false };
      return { ...state, doses: [...state.doses, dose] };
    }
    case 'DoseCorrected':
      return {
        ...state,
        doses: state.doses.map((d) =>
          d.doseNumber === event.data.doseNumber && !d.voided ? { ...d, ...event.data.after } : d,
        ),
      };
    case 'DoseVoided':
      return {
        ...state,
        doses: state.doses.map((d) =>
          d.doseNumber === event.data.doseNumber && !d.voided ? { ...d, voided: true } : d,
        ),
      };
    case 'RecoveryRecorded': {
      const { positiveTestOn, recoveredOn } = event.data;
      return { ...state, recoveries: [...state.recoveries, { positiveTestOn, recoveredOn }] };
    }
    case 'CorrectionApplied':
    case 'CorrectionRefused':
      return { ...state, appliedCommands: [...state.appliedCommands, event.data.commandId] };
    case 'LegacyDoseImported':
    case 'LegacyDoseRefused': // a legacy dose's client id answered once, like a command id
      return { ...state, appliedCommands: [...state.appliedCommands, event.data.doseId] };
    case 'RecordMergedInto':
      return { ...state, mergedInto: event.data.intoPersonId };
    case 'DuplicateAbsorbed':
      return { ...state, doses: event.data.doses, absorbed: [...state.absorbed, event.data.fromPersonId] };
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
