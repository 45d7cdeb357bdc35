import type { Actor } from '@vax/event-sourcing';
import { REJECTION_REASONS } from './complaint-kinds';
import { evidenceProblems } from './complaint-evidence';
import { CORRECTIONS_FOR, type Correction } from './complaint-subject';
import { doseFactsProblems, doseNumberProblems } from './complaint-filing';
import type {
  AcceptComplaint,
  CloseUnanswered,
  RecordCitizenReply,
  RejectComplaint,
  RequestInformation,
} from './complaint.commands';
import { ComplaintError, type FieldProblem, invalid, problem } from './complaint.errors';
import type { ComplaintEvent } from './complaint.events';
import type { ComplaintState, FiledComplaint } from './complaint.state';

const ALL_DOSE_FACTS = ['vaccineCode', 'lotNumber', 'administeredOn', 'siteId'] as const;

type Assigned = Extract<ComplaintState, { status: 'assigned' }>;
type AwaitingCitizen = Extract<ComplaintState, { status: 'awaiting-citizen' }>;

/** Only the unit holding the turn decides: its staff act in its scope (unit ids are actor scopes). */
export function holdingTurn(state: FiledComplaint, actor: Actor): Assigned {
  if (state.status !== 'assigned')
    throw new ComplaintError('wrong-state', `the complaint is ${state.status}, not waiting for a decision`);
  if (actor.scope !== state.assignment.unitId)
    throw new ComplaintError('not-allowed', 'only staff of the unit holding the turn decide');
  return state;
}

const required = (field: string, value: string, max: number): FieldProblem[] =>
  value.trim() === '' || value.length > max
    ? [problem(field, 'required', `must be given, at most ${max} characters`)]
    : [];

export function accept(command: AcceptComplaint, state: FiledComplaint): ComplaintEvent[] {
  const assigned = holdingTurn(state, command.decidedBy);
  const problems = correctionProblems(command.correction, assigned);
  if (command.note.length > 1000) problems.push(problem('note', 'maxLength', 'must be at most 1000 characters'));
  if (problems.length > 0) throw invalid(problems);
  const { decidedBy, correction, note, at } = command;
  return [{ type: 'ComplaintAccepted', data: { decidedBy, correction, note, acceptedAt: at } }];
}

function correctionProblems(correction: Correction, state: Assigned): FieldProblem[] {
  if (!correction || !CORRECTIONS_FOR[state.complaintType].includes(correction.action))
    return [problem('correction.action', 'oneOf', `must be ${CORRECTIONS_FOR[state.complaintType].join(' or ')}`)];
  switch (correction.action) {
    case 'correct-dose':
      return [
        ...doseNumberProblems('correction.doseNumber', correction.doseNumber),
        ...doseFactsProblems('correction.after', correction.after ?? {}, ALL_DOSE_FACTS),
      ];
    case 'void-dose':
      return doseNumberProblems('correction.doseNumber', correction.doseNumber);
    case 'record-dose':
      return [
        ...doseNumberProblems('correction.doseNumber', correction.doseNumber),
        ...doseFactsProblems('correction.dose', correction.dose ?? {}, ALL_DOSE_FACTS),
      ];
    case 'none':
      return [];
    default:
      return assertNever(correction);
  }
}

const WORKFLOW_REASONS = new Set<string>(['citizen-did-not-reply', 'closed-after-failure']);

export function reject(command: RejectComplaint, state: FiledComplaint): ComplaintEvent[] {
  holdingTurn(state, command.decidedBy);
  const problems = required('note', command.note, 1000);
  // "The citizen did not reply" is the workflow's to record, never a site's shortcut.
  if (!REJECTION_REASONS.includes(command.reason) || WORKFLOW_REASONS.has(command.reason))
    problems.push(problem('reason', 'oneOf', 'must be one of the listed grounds for rejection'));
  if (problems.length > 0) throw invalid(problems);
  const { decidedBy, reason, note, appealUntil, at } = command;
  return [closed('rejected', decidedBy, at, { reason, note, appealUntil })];
}

export function requestInformation(command: RequestInformation, state: FiledComplaint): ComplaintEvent[] {
  holdingTurn(state, command.requestedBy);
  const problems = required('question', command.question, 1000);
  if (problems.length > 0) throw invalid(problems);
  const { requestedBy, question, remainingMinutes, replyBy, at } = command;
  return [
    {
      type: 'InformationRequested',
      data: { requestedBy, question, remainingMinutes: Math.max(0, remainingMinutes), replyBy, requestedAt: at },
    },
  ];
}

function citizensTurn(state: FiledComplaint): AwaitingCitizen {
  if (state.status !== 'awaiting-citizen')
    throw new ComplaintError('wrong-state', `the complaint is ${state.status}, not waiting for the citizen`);
  return state;
}

export function recordReply(command: RecordCitizenReply, state: FiledComplaint): ComplaintEvent[] {
  const awaiting = citizensTurn(state);
  if (command.citizen.id !== state.citizenId)
    throw new ComplaintError('not-allowed', 'only the citizen who filed the complaint replies');
  const problems = [
    ...(command.message.length > 2000 ? [problem('message', 'maxLength', 'must be at most 2000 characters')] : []),
    ...evidenceProblems(command.evidence, awaiting.evidence),
  ];
  if (problems.length > 0) throw invalid(problems);
  const { message, evidence, dueAt, at } = command;
  return [{ type: 'CitizenReplied', data: { message, evidence, dueAt, repliedAt: at } }];
}

export function closeUnanswered(command: CloseUnanswered, state: FiledComplaint): ComplaintEvent[] {
  const awaiting = citizensTurn(state);
  if (Date.parse(command.at) < Date.parse(awaiting.replyBy))
    throw new ComplaintError('not-yet-due', `the citizen may reply until ${awaiting.replyBy}`);
  return [
    closed('rejected', SYSTEM, command.at, {
      reason: 'citizen-did-not-reply',
      note: 'no reply to the request for information in time',
      appealUntil: command.appealUntil,
    }),
  ];
}

export const SYSTEM: Actor = { id: 'complaints-workflow', role: 'system', scope: 'system' };

export function closed(
  outcome: 'resolved' | 'rejected' | 'withdrawn',
  closedBy: Actor,
  at: string,
  more: Partial<Extract<ComplaintEvent, { type: 'ComplaintClosed' }>['data']> = {},
): ComplaintEvent {
  return {
    type: 'ComplaintClosed',
    data: { outcome, reason: null, note: '', closedBy, certificateId: null, appealUntil: null, closedAt: at, ...more },
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
