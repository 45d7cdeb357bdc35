import { DoseRejected, type DoseProblem, detailsProblems, problem, reasonProblems } from './dose-problems';
import type { RecordState, RecordedDose } from './record.state';
import type { CorrectDose, DoseDetails, RecordEvent, RecordRecovery, VoidDose } from './record.messages';

/** Changes to an existing record: corrections and voids keep what was before; recoveries are F0 records. */
function existingDose(state: RecordState, doseNumber: number): RecordedDose {
  const dose = state.doses.find((d) => d.doseNumber === doseNumber && !d.voided);
  if (!dose) throw new DoseRejected([problem('doseNumber', 'exists', `there is no dose ${doseNumber} on this record`)]);
  return dose;
}

export function correctDose(command: CorrectDose, state: RecordState): RecordEvent {
  const dose = existingDose(state, command.doseNumber);
  const before: DoseDetails = {
    vaccineCode: dose.vaccineCode,
    lotNumber: dose.lotNumber,
    administeredOn: dose.administeredOn,
    siteId: dose.siteId,
  };
  const after = { ...command.after, lotNumber: command.after.lotNumber.trim() };
  const problems = [
    ...reasonProblems(command.reason),
    ...detailsProblems(after, command.catalogue, command.today),
    ...(command.site ? [] : [problem('siteId', 'known', `no vaccination site ${after.siteId}`)]),
  ];
  if (JSON.stringify(before) === JSON.stringify(after))
    problems.push(problem('after', 'changes', 'the correction changes nothing'));
  if (problems.length > 0) throw new DoseRejected(problems);
  const data = {
    personId: command.personId,
    doseNumber: command.doseNumber,
    before,
    after,
    reason: command.reason.trim(),
  };
  return {
    type: 'DoseCorrected',
    data: { ...data, complaintId: command.complaintId ?? null, correctedBy: command.correctedBy.id },
  };
}

export function voidDose(command: VoidDose, state: RecordState): RecordEvent {
  existingDose(state, command.doseNumber);
  const problems = reasonProblems(command.reason);
  if (problems.length > 0) throw new DoseRejected(problems);
  const data = { personId: command.personId, doseNumber: command.doseNumber, reason: command.reason.trim() };
  return {
    type: 'DoseVoided',
    data: { ...data, complaintId: command.complaintId ?? null, voidedBy: command.voidedBy.id },
  };
}

export function recordRecovery(command: RecordRecovery): RecordEvent {
  const problems: DoseProblem[] = [];
  if (!command.station || command.station.kind !== 'commune-station') {
    problems.push(problem('stationId', 'communeStation', 'recovered patients are entered by a commune health station'));
  } else if (command.recordedBy.scope !== `site:${command.stationId}`) {
    problems.push(problem('stationId', 'staffOfSite', 'staff record at their own station only'));
  }
  if (command.recoveredOn < command.positiveTestOn)
    problems.push(problem('recoveredOn', 'afterPositiveTest', 'is before the positive test'));
  if (command.recoveredOn > command.today) problems.push(problem('recoveredOn', 'notInFuture', 'is in the future'));
  if (!command.evidenceReference.trim())
    problems.push(problem('evidenceReference', 'required', 'is required (discharge paper number)'));
  if (problems.length > 0) throw new DoseRejected(problems);
  const { personId, positiveTestOn, recoveredOn, evidenceReference, stationId } = command;
  return {
    type: 'RecoveryRecorded',
    data: {
      personId,
      positiveTestOn,
      recoveredOn,
      evidenceReference: evidenceReference.trim(),
      stationId,
      recordedBy: command.recordedBy.id,
    },
  };
}
