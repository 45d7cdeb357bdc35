import { DoseRejected } from './dose-problems';
import type { ApplyComplaintCorrection, RecordCommand, RecordEvent } from './record.messages';
import type { RecordState } from './record.state';

/**
 * A change asked for by a complaint's handling: applied once per command id, and when it breaks a
 * rule the refusal is recorded instead of thrown, so the complaint's workflow hears why rather than
 * waiting for a correction that will never come.
 */
export function applyComplaintCorrection(
  command: ApplyComplaintCorrection,
  state: RecordState,
  decide: (change: RecordCommand, state: RecordState) => RecordEvent[],
): RecordEvent[] {
  const { commandId, complaintId, personId } = command;
  if (state.appliedCommands.includes(commandId)) return [];
  try {
    const change = { ...command.change, complaintId };
    return [...decide(change, state), { type: 'CorrectionApplied', data: { personId, commandId } }];
  } catch (error) {
    if (!(error instanceof DoseRejected)) throw error;
    return [{ type: 'CorrectionRefused', data: { personId, commandId, complaintId, problems: error.problems } }];
  }
}
