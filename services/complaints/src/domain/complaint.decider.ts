import type { Decider } from '@vax/event-sourcing';
import { type AttentionCommand, decideAttention, isAttentionCommand } from './complaint-attention';
import { filingProblems } from './complaint-filing';
import * as decisions from './complaint-decisions';
import * as outcomes from './complaint-outcomes';
import type * as C from './complaint.commands';
import { ComplaintError, invalid } from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import { type ComplaintState, type FiledComplaint, evolve } from './complaint.state';

export type { ComplaintState } from './complaint.state';

const MAX_APPEALS = 1;

/**
 * A citizen's complaint about their vaccination data, from filing to closure. The workflow carries
 * it from step to step; the rules are here: who may decide (the unit holding the turn), what a
 * decision must contain, when an escalation or a closure for silence is due, who may appeal and
 * until when. Repeats of a step already taken decide nothing ([]), so a retried activity is harmless.
 */
export const complaintDecider: Decider<ComplaintState, C.ComplaintCommand, ComplaintEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide(command, state) {
    if (command.type === 'FileComplaint') return file(command, state);
    if (state.status === 'none') throw new ComplaintError('not-found', 'no such complaint');
    if (isAttentionCommand(command)) return decideAttention(command, state);
    if (state.status === 'closed') return decideClosed(command, state);
    return decideOpen(command, state);
  },
};

/** The commands of a complaint's life, open or closed, but for its filing and its failed steps. */
type LifeCommand = Exclude<C.ComplaintCommand, C.FileComplaint | AttentionCommand>;

function decideOpen(command: LifeCommand, state: FiledComplaint): ComplaintEvent[] {
  switch (command.type) {
    case 'RecordIdentityCheck':
      return recordIdentity(command, state);
    case 'AssignComplaint':
      return assign(command, state);
    case 'EscalateOverdue':
      return escalate(command, state);
    case 'AcceptComplaint':
      return decisions.accept(command, state);
    case 'RejectComplaint':
      return decisions.reject(command, state);
    case 'RequestInformation':
      return decisions.requestInformation(command, state);
    case 'RecordCitizenReply':
      return decisions.recordReply(command, state);
    case 'CloseUnanswered':
      return decisions.closeUnanswered(command, state);
    case 'RecordCorrection':
      return outcomes.recordCorrection(command, state);
    case 'RefuseCorrection':
      return outcomes.refuseCorrection(command, state);
    case 'ResolveComplaint':
      return outcomes.resolve(command, state);
    case 'AppealComplaint':
      return state.status === 'appealed' ? [] : wrongState(state, 'appealed');
    case 'WithdrawComplaint':
      byFiler(command.citizen, state);
      return [decisions.closed('withdrawn', command.citizen, command.at, { note: command.reason })];
    case 'AttachEvidence':
      byFiler(command.citizen, state);
      return outcomes.attach(command, state);
    default:
      return assertNever(command);
  }
}

/** A closed complaint only takes an appeal in time; repeats of how it closed are nothing to do. */
function decideClosed(command: LifeCommand, state: Extract<ComplaintState, { status: 'closed' }>): ComplaintEvent[] {
  const repeats =
    (command.type === 'WithdrawComplaint' && state.outcome === 'withdrawn') ||
    (command.type === 'ResolveComplaint' && state.outcome === 'resolved');
  if (repeats) return [];
  if (command.type !== 'AppealComplaint' || state.outcome !== 'rejected')
    throw new ComplaintError('closed', `the complaint is closed (${state.outcome})`);
  byFiler(command.citizen, state);
  if (state.appealsUsed >= MAX_APPEALS) throw new ComplaintError('already-appealed', 'the complaint was appealed once');
  // No window at all (closed after a failed step) is a closed one, not one without end.
  if (!state.appealUntil || Date.parse(command.at) > Date.parse(state.appealUntil))
    throw new ComplaintError('appeal-window-closed', `appeals were possible until ${state.appealUntil}`);
  if (command.grounds.trim() === '' || command.grounds.length > 2000)
    throw invalid([{ field: 'grounds', rule: 'required', message: 'must be given, at most 2000 characters' }]);
  return [{ type: 'ComplaintAppealed', data: { grounds: command.grounds, appealedAt: command.at } }];
}

function file(command: C.FileComplaint, state: ComplaintState): ComplaintEvent[] {
  if (state.status !== 'none') {
    if (state.citizenId === command.citizen.id) return []; // the same filing sent again
    throw new ComplaintError('already-filed', 'a complaint with this id exists');
  }
  if (command.citizen.role !== 'citizen') throw new ComplaintError('not-allowed', 'citizens file complaints');
  const problems = filingProblems(command);
  if (problems.length > 0) throw invalid(problems);
  const { complaintId, subject, stated, contact, description, evidence, citizen, at } = command;
  const data = { complaintId, complaintType: subject.type, subject, stated, contact, description, evidence };
  return [{ type: 'ComplaintFiled', data: { ...data, citizenId: citizen.id, filedAt: at } }];
}

function recordIdentity(command: C.RecordIdentityCheck, state: FiledComplaint): ComplaintEvent[] {
  if (state.identity) return [];
  const { result, verificationId, personId, differingFields, at } = command;
  return [{ type: 'IdentityChecked', data: { result, verificationId, personId, differingFields, checkedAt: at } }];
}

function assign(command: C.AssignComplaint, state: FiledComplaint): ComplaintEvent[] {
  const { level, unitId, dueAt, at } = command;
  const same = state.assignment && state.assignment.unitId === unitId && state.assignment.dueAt === dueAt;
  if (state.status === 'assigned' && same) return [];
  if (state.status !== 'identity-checked' && state.status !== 'appealed')
    return wrongState(state, 'identity-checked or appealed');
  const cause = state.status === 'appealed' ? 'appeal' : 'routing';
  return [{ type: 'ComplaintAssigned', data: { level, unitId, dueAt, assignedAt: at, cause } }];
}

function escalate(command: C.EscalateOverdue, state: FiledComplaint): ComplaintEvent[] {
  if (state.status !== 'assigned') return wrongState(state, 'assigned');
  const current = state.assignment;
  if (current.dueAt !== command.expectedDueAt) return []; // this deadline was already escalated (or moved)
  if (Date.parse(command.at) < Date.parse(current.dueAt))
    throw new ComplaintError('not-yet-due', `the turn is due at ${current.dueAt}`);
  const { level, unitId, dueAt, at } = command;
  return [
    {
      type: 'SlaBreached',
      data: { level: current.level, unitId: current.unitId, dueAt: current.dueAt, breachedAt: at },
    },
    { type: 'ComplaintAssigned', data: { level, unitId, dueAt, assignedAt: at, cause: 'escalation' } },
  ];
}

function byFiler(actor: { id: string }, state: FiledComplaint): void {
  if (actor.id !== state.citizenId) throw new ComplaintError('not-allowed', 'only the citizen who filed it may');
}

function wrongState(state: FiledComplaint, expected: string): never {
  throw new ComplaintError('wrong-state', `the complaint is ${state.status}, not ${expected}`);
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
