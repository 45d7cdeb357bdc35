import type { CloseOutcome, ComplaintType, HandlingLevel, RejectionReason } from './complaint-kinds';
import type { EvidenceItem } from './complaint-evidence';
import type { ComplaintSubject, Correction } from './complaint-subject';
import type { ComplaintEvent, IdentityChecked } from './complaint.events';

/** Who holds the turn, and until when. */
export interface Assignment {
  level: HandlingLevel;
  unitId: string;
  dueAt: string;
  assignedAt: string;
}

/** What every filed complaint knows, whatever its status. */
export interface ComplaintFacts {
  complaintId: string;
  complaintType: ComplaintType;
  subject: ComplaintSubject;
  citizenId: string;
  evidence: EvidenceItem[];
  identity: IdentityChecked['data'] | null;
  /** The current turn, or the last one once the complaint left it (closed, appealed, with the citizen). */
  assignment: Assignment | null;
  breaches: number;
  appealsUsed: number;
  /** The units whose staff decided on it (accepted, asked the citizen, rejected): they may open it again. */
  decidedBy: string[];
  /** A workflow step that failed for good, awaiting its holder or a manager (retry or close); else null. */
  attention: Attention | null;
}

export interface Attention {
  step: string;
  errorType: string;
  failedAt: string;
}

export type ComplaintState =
  | { status: 'none' }
  | (ComplaintFacts & { status: 'filed' })
  | (ComplaintFacts & { status: 'identity-checked' })
  | (ComplaintFacts & { status: 'assigned'; assignment: Assignment })
  | (ComplaintFacts & {
      status: 'awaiting-citizen';
      assignment: Assignment;
      question: string;
      remainingMinutes: number;
      replyBy: string;
    })
  | (ComplaintFacts & { status: 'accepted'; assignment: Assignment; correction: Correction; acceptedBy: string })
  | (ComplaintFacts & {
      status: 'corrected';
      assignment: Assignment;
      correction: Correction;
      acceptedBy: string;
      recordId: string;
    })
  | (ComplaintFacts & { status: 'appealed' })
  | (ComplaintFacts & {
      status: 'closed';
      outcome: CloseOutcome;
      reason: RejectionReason | null;
      closedAt: string;
      appealUntil: string | null;
    });

export type ComplaintStatus = ComplaintState['status'];
export type FiledComplaint = Exclude<ComplaintState, { status: 'none' }>;

/** The facts, without the fields that belong to one status only. */
function factsOf(state: FiledComplaint): ComplaintFacts {
  const { complaintId, complaintType, subject, citizenId, evidence, identity, assignment, breaches, appealsUsed } =
    state;
  const { attention, decidedBy } = state;
  return {
    complaintId,
    complaintType,
    subject,
    citizenId,
    evidence,
    identity,
    assignment,
    breaches,
    appealsUsed,
    attention,
    decidedBy,
  };
}

/** Folds one event into the state; an event that cannot apply (never appended so) leaves it unchanged. */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (event.type === 'ComplaintFiled') {
    const { complaintId, complaintType, subject, citizenId, evidence } = event.data;
    const facts = { complaintId, complaintType, subject, citizenId, evidence, identity: null, assignment: null };
    return { status: 'filed', ...facts, breaches: 0, appealsUsed: 0, attention: null, decidedBy: [] };
  }
  if (state.status === 'none') return state;
  const unit = decidingUnit(event);
  const facts = factsOf(state);
  const decidedBy = unit && !facts.decidedBy.includes(unit) ? [...facts.decidedBy, unit] : facts.decidedBy;
  return evolveFiled({ ...state, decidedBy }, { ...facts, decidedBy }, event);
}

/** The unit (actor scope) whose staff took a decision in this event; null for any other event. */
function decidingUnit(event: ComplaintEvent): string | null {
  if (event.type === 'ComplaintAccepted') return event.data.decidedBy.scope;
  if (event.type === 'InformationRequested') return event.data.requestedBy.scope;
  if (event.type === 'ComplaintClosed' && event.data.outcome === 'rejected') return event.data.closedBy.scope;
  return null;
}

function evolveFiled(state: FiledComplaint, facts: ComplaintFacts, event: ComplaintEvent): ComplaintState {
  const withAssignment = facts.assignment && { ...facts, assignment: facts.assignment };
  switch (event.type) {
    case 'ComplaintFiled':
      return state;
    case 'IdentityChecked':
      return { ...facts, status: 'identity-checked', identity: event.data };
    case 'ComplaintAssigned': {
      const { level, unitId, dueAt, assignedAt } = event.data;
      return { ...facts, status: 'assigned', assignment: { level, unitId, dueAt, assignedAt } };
    }
    case 'SlaBreached':
      return { ...state, breaches: state.breaches + 1 };
    case 'ComplaintAccepted':
      return withAssignment
        ? {
            ...withAssignment,
            status: 'accepted',
            correction: event.data.correction,
            acceptedBy: event.data.decidedBy.id,
          }
        : state;
    case 'InformationRequested': {
      const { question, remainingMinutes, replyBy } = event.data;
      return withAssignment
        ? { ...withAssignment, status: 'awaiting-citizen', question, remainingMinutes, replyBy }
        : state;
    }
    case 'CitizenReplied': {
      const evidence = [...facts.evidence, ...event.data.evidence];
      return withAssignment
        ? {
            ...withAssignment,
            evidence,
            status: 'assigned',
            assignment: { ...withAssignment.assignment, dueAt: event.data.dueAt },
          }
        : state;
    }
    case 'CorrectionApplied':
      return state.status === 'accepted' ? { ...state, status: 'corrected', recordId: event.data.recordId } : state;
    case 'CorrectionRefused': {
      const { dueAt, refusedAt } = event.data;
      return withAssignment
        ? {
            ...withAssignment,
            status: 'assigned',
            assignment: { ...withAssignment.assignment, dueAt, assignedAt: refusedAt },
          }
        : state;
    }
    case 'ComplaintClosed': {
      const { outcome, reason, closedAt, appealUntil } = event.data;
      return { ...facts, status: 'closed', outcome, reason, closedAt, appealUntil };
    }
    case 'ComplaintAppealed':
      return { ...facts, status: 'appealed', appealsUsed: facts.appealsUsed + 1 };
    case 'EvidenceAttached':
      return { ...state, evidence: [...state.evidence, ...event.data.evidence] };
    case 'ComplaintStepFailed': {
      const { step, errorType, failedAt } = event.data;
      return { ...state, attention: { step, errorType, failedAt } };
    }
    case 'FailedStepHandled':
      return { ...state, attention: null };
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}
