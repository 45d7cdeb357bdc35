import { DoseRejected, problem, reasonProblems } from './dose-problems';
import type { AbsorbDuplicate, MarkMergedInto, RecordEvent } from './record.messages';
import type { RecordState, RecordedDose } from './record.state';

/**
 * Merging two records of one person. The duplicate is closed first (it then takes no more doses),
 * then the survivor absorbs its doses; both steps are idempotent, so a merge cut off between them is
 * finished by asking again. Nothing is deleted: the duplicate's stream keeps its history.
 */
export function markMergedInto(command: MarkMergedInto, state: RecordState): RecordEvent[] {
  if (state.mergedInto === command.intoPersonId) return [];
  const problems = [...reasonProblems(command.reason)];
  if (command.intoPersonId === command.personId)
    problems.push(problem('duplicatePersonId', 'differentPerson', 'a record cannot be merged into itself'));
  if (state.mergedInto)
    problems.push(problem('duplicatePersonId', 'notMerged', `was already merged into ${state.mergedInto}`));
  if (problems.length > 0) throw new DoseRejected(problems);
  const { personId, intoPersonId, reason } = command;
  return [
    {
      type: 'RecordMergedInto',
      data: { personId, intoPersonId, reason: reason.trim(), mergedBy: command.mergedBy.id },
    },
  ];
}

export function absorbDuplicate(command: AbsorbDuplicate, state: RecordState): RecordEvent[] {
  if (command.duplicate.mergedInto !== command.personId)
    throw new DoseRejected([
      problem('duplicatePersonId', 'closedFirst', 'the duplicate record must be closed into this one first'),
    ]);
  if (state.absorbed.includes(command.fromPersonId)) return [];
  const moved = command.duplicate.doses.filter(
    (d) => !d.voided && !state.doses.some((s) => !s.voided && (s.doseId === d.doseId || sameDose(s, d))),
  );
  const doses = renumber([...state.doses, ...moved]);
  const { personId, fromPersonId, reason } = command;
  const movedDoseIds = moved.map((d) => d.doseId);
  return [
    {
      type: 'DuplicateAbsorbed',
      data: { personId, fromPersonId, movedDoseIds, doses, reason: reason.trim(), mergedBy: command.mergedBy.id },
    },
  ];
}

/** The same injection entered on both records: same vaccine on the same day. */
const sameDose = (a: RecordedDose, b: RecordedDose) =>
  a.vaccineCode === b.vaccineCode && a.administeredOn === b.administeredOn;

/** Doses given are numbered in the order they were given; voided ones keep the number they had. */
function renumber(doses: RecordedDose[]): RecordedDose[] {
  const given = doses
    .filter((d) => !d.voided)
    .sort((a, b) => a.administeredOn.localeCompare(b.administeredOn))
    .map((d, i) => ({ ...d, doseNumber: i + 1 }));
  return [...given, ...doses.filter((d) => d.voided)];
}
