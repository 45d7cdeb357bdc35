import type { Actor } from '@vax/event-sourcing';
import { closed } from './complaint-decisions';
import type * as C from './complaint.commands';
import { ComplaintError, invalid, problem } from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import type { Attention, FiledComplaint } from './complaint.state';

/**
 * A step the workflow could not take (a failure retrying cannot mend) puts the complaint in need of
 * attention, open or closed (a closing notification can fail too). Its holder or a manager then has
 * the step run again or closes the complaint; which of them may is the application's to check (it
 * knows the districts), that it is staff at all is checked here.
 */

export type AttentionCommand = C.RecordStepFailure | C.RetryFailedStep | C.CloseFailedComplaint;

export const isAttentionCommand = (command: C.ComplaintCommand): command is AttentionCommand =>
  command.type === 'RecordStepFailure' || command.type === 'RetryFailedStep' || command.type === 'CloseFailedComplaint';

/** A failed step is recorded and handled whether the complaint is open or already closed. */
export function decideAttention(command: AttentionCommand, state: FiledComplaint): ComplaintEvent[] {
  switch (command.type) {
    case 'RecordStepFailure':
      return recordStepFailure(command, state);
    case 'RetryFailedStep':
      return retryFailedStep(command, state);
    case 'CloseFailedComplaint':
      return closeFailedComplaint(command, state);
    default:
      return assertNever(command);
  }
}

function recordStepFailure(command: C.RecordStepFailure, state: FiledComplaint): ComplaintEvent[] {
  if (state.attention?.step === command.step) return [];
  const { step, errorType, at } = command;
  return [{ type: 'ComplaintStepFailed', data: { step, errorType, failedAt: at } }];
}

function retryFailedStep(command: C.RetryFailedStep, state: FiledComplaint): ComplaintEvent[] {
  const attention = needingAttention(state, command.operator);
  return [handled(attention, 'retry', command.operator, '', command.at)];
}

/** Closes it rejected on the workflow's own ground, without an appeal window: the citizen may file again. */
function closeFailedComplaint(command: C.CloseFailedComplaint, state: FiledComplaint): ComplaintEvent[] {
  const attention = needingAttention(state, command.operator);
  const { operator, note, at } = command;
  if (note.trim() === '' || note.length > 1000)
    throw invalid([problem('note', 'required', 'must be given, at most 1000 characters')]);
  const handling = handled(attention, 'close', operator, note, at);
  if (state.status === 'closed') return [handling];
  return [handling, closed('rejected', operator, at, { reason: 'closed-after-failure', note })];
}

const OPERATORS = new Set(['site-staff', 'site-head', 'commune-chairman', 'police-verifier', 'manager']);

function needingAttention(state: FiledComplaint, operator: Actor): Attention {
  if (!OPERATORS.has(operator.role))
    throw new ComplaintError('not-allowed', 'only the holding unit or a manager handles a failed step');
  if (!state.attention) throw new ComplaintError('wrong-state', 'no step of the complaint needs attention');
  return state.attention;
}

function handled(
  attention: Attention,
  action: 'retry' | 'close',
  handledBy: Actor,
  note: string,
  at: string,
): ComplaintEvent {
  return { type: 'FailedStepHandled', data: { step: attention.step, action, handledBy, note, handledAt: at } };
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
