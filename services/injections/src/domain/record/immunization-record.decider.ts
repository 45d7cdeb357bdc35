import type { Decider } from '@vax/event-sourcing';
import {
  DoseRejected,
  type DoseProblem,
  detailsProblems,
  identityProblems,
  problem,
  siteProblems,
} from './dose-problems';
import { applyComplaintCorrection } from './complaint-corrections';
import { correctDose, recordRecovery, voidDose } from './record-corrections';
import { absorbDuplicate, markMergedInto } from './record-merge';
import { importLegacyDose } from './legacy-dose-import';
import { assertNever, evolveRecord, initialRecordState } from './record.evolve';
import type { RecordCommand, RecordDose, RecordEvent } from './record.messages';
import type { RecordState } from './record.state';

export type { RecordState, RecordedDose } from './record.state';

export { DoseRejected, type DoseProblem } from './dose-problems';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const given = (state: RecordState) => state.doses.filter((d) => !d.voided);

/**
 * A person's immunization record. A dose is recorded only on a fresh, positive identity check of
 * this person, at an active site of the recording staff, with a lot number, on a possible date, in
 * the order and spacing the schedule allows; its number is the record's, never the client's.
 * Corrections and voids keep what was before; nothing is ever deleted.
 */
export const immunizationRecordDecider: Decider<RecordState, RecordCommand, RecordEvent> = {
  initialState: initialRecordState,
  decide,
  evolve: evolveRecord,
};

function decide(command: RecordCommand, state: RecordState): RecordEvent[] {
  if (state.mergedInto && command.type !== 'MarkMergedInto')
    throw new DoseRejected([
      problem('personId', 'notMerged', `this record was merged into ${state.mergedInto}; change that one`),
    ]);
  switch (command.type) {
    case 'RecordDose':
      return recordDose(command, state);
    case 'CorrectDose':
      return [correctDose(command, state)];
    case 'VoidDose':
      return [voidDose(command, state)];
    case 'RecordRecovery':
      return [recordRecovery(command)];
    case 'ApplyComplaintCorrection':
      return applyComplaintCorrection(command, state, decide);
    case 'MarkMergedInto':
      return markMergedInto(command, state);
    case 'AbsorbDuplicate':
      return absorbDuplicate(command, state);
    case 'ImportLegacyDose':
      return importLegacyDose(command, state);
    default:
      return assertNever(command);
  }
}

function recordDose(command: RecordDose, state: RecordState): RecordEvent[] {
  if (state.doses.some((d) => d.doseId === command.doseId)) return []; // the same dose sent again
  const problems = [
    ...identityProblems(command),
    ...siteProblems(
      command.site,
      command.siteId,
      command.recordedBy.scope,
      command.administeredOn,
      'siteId',
      !command.complaintId,
    ),
    ...scheduleProblems(command, state),
  ];
  if (problems.length > 0) throw new DoseRejected(problems);
  const { doseId, personId, vaccineCode, lotNumber, administeredOn, siteId } = command;
  const data = {
    doseId,
    personId,
    doseNumber: given(state).length + 1,
    vaccineCode,
    lotNumber: lotNumber.trim(),
    administeredOn,
    siteId,
  };
  return [
    {
      type: 'DoseRecorded',
      data: {
        ...data,
        verificationId: command.verification!.verificationId,
        recordedBy: command.recordedBy.id,
        ...(command.complaintId ? { complaintId: command.complaintId } : {}),
      },
    },
  ];
}

function scheduleProblems(command: RecordDose, state: RecordState): DoseProblem[] {
  const { catalogue, vaccineCode, lotNumber, administeredOn, today, policy } = command;
  const problems = detailsProblems(command, catalogue, today);
  const vaccine = catalogue.get(vaccineCode);
  const doses = given(state);
  const last = doses[doses.length - 1];
  if (!last || !vaccine || !lotNumber.trim()) return problems;
  const previous = catalogue.get(last.vaccineCode);
  const primaryDone = previous ? doses.length >= previous.primaryDoses : true;
  if (!primaryDone && !policy.allowMixedSchedules && vaccineCode !== last.vaccineCode) {
    problems.push(
      problem(
        'vaccineCode',
        'sameAsSeries',
        `the primary series is ${last.vaccineCode}; mixed schedules are not allowed`,
      ),
    );
  }
  const minDays = primaryDone ? policy.boosterMinIntervalDays : (previous?.minIntervalDays ?? 0);
  const days = daysBetween(last.administeredOn, administeredOn);
  if (days < 0)
    problems.push(
      problem('administeredOn', 'afterPreviousDose', `is before dose ${last.doseNumber} (${last.administeredOn})`),
    );
  else if (days < minDays)
    problems.push(
      problem(
        'administeredOn',
        'minInterval',
        `is ${days} days after dose ${last.doseNumber}; at least ${minDays} are needed`,
      ),
    );
  return problems;
}
