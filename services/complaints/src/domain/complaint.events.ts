import type { Actor } from '@vax/event-sourcing';
import type { CloseOutcome, ComplaintType, HandlingLevel, PersonalField, RejectionReason } from './complaint-kinds';
import type { EvidenceItem } from './complaint-evidence';
import type { ComplaintSubject, Correction, StatedPerson } from './complaint-subject';

/** Private events of the complaint stream (`complaint-<id>`); the published ones are complaints.events.v1. */

export type ComplaintFiled = {
  type: 'ComplaintFiled';
  data: {
    complaintId: string;
    complaintType: ComplaintType;
    subject: ComplaintSubject;
    /** Personal data: never logged; to be erased by crypto-shredding. */
    stated: StatedPerson;
    contact: { phone: string; address: string };
    description: string;
    evidence: EvidenceItem[];
    citizenId: string;
    filedAt: string;
  };
};

export type IdentityChecked = {
  type: 'IdentityChecked';
  data: {
    result: 'verified' | 'mismatched' | 'not-found';
    verificationId: string | null;
    personId: string | null;
    differingFields: PersonalField[];
    checkedAt: string;
  };
};

export type ComplaintAssigned = {
  type: 'ComplaintAssigned';
  data: {
    level: HandlingLevel;
    unitId: string;
    dueAt: string;
    assignedAt: string;
    cause: 'routing' | 'escalation' | 'appeal';
  };
};

export type SlaBreached = {
  type: 'SlaBreached';
  data: { level: HandlingLevel; unitId: string; dueAt: string; breachedAt: string };
};

export type ComplaintAccepted = {
  type: 'ComplaintAccepted';
  data: { decidedBy: Actor; correction: Correction; note: string; acceptedAt: string };
};

export type InformationRequested = {
  type: 'InformationRequested';
  data: { requestedBy: Actor; question: string; remainingMinutes: number; replyBy: string; requestedAt: string };
};

export type CitizenReplied = {
  type: 'CitizenReplied';
  data: { message: string; evidence: EvidenceItem[]; dueAt: string; repliedAt: string };
};

export type CorrectionApplied = { type: 'CorrectionApplied'; data: { recordId: string; appliedAt: string } };

export type CorrectionRefused = {
  type: 'CorrectionRefused';
  data: { problem: string; dueAt: string; refusedAt: string };
};

export type ComplaintClosed = {
  type: 'ComplaintClosed';
  data: {
    outcome: CloseOutcome;
    reason: RejectionReason | null;
    note: string;
    /** Who closed it: the deciding staff, the citizen who withdrew, or the system. */
    closedBy: Actor;
    certificateId: string | null;
    appealUntil: string | null;
    closedAt: string;
  };
};

export type ComplaintAppealed = { type: 'ComplaintAppealed'; data: { grounds: string; appealedAt: string } };

export type EvidenceAttached = { type: 'EvidenceAttached'; data: { evidence: EvidenceItem[]; attachedAt: string } };

/**
 * A step of the workflow failed in a way retrying cannot mend (a constraint, a refused command, a bad
 * payload): the complaint needs attention from its holder or a manager. `errorType` names the kind
 * and code only (`Deterministic:DatabaseError:22021`), never the refused values.
 */
export type ComplaintStepFailed = {
  type: 'ComplaintStepFailed';
  data: { step: string; errorType: string; failedAt: string };
};

/** An operator handled the failed step: run it again, or close the complaint. */
export type FailedStepHandled = {
  type: 'FailedStepHandled';
  data: { step: string; action: 'retry' | 'close'; handledBy: Actor; note: string; handledAt: string };
};

export type ComplaintEvent =
  | ComplaintFiled
  | IdentityChecked
  | ComplaintAssigned
  | SlaBreached
  | ComplaintAccepted
  | InformationRequested
  | CitizenReplied
  | CorrectionApplied
  | CorrectionRefused
  | ComplaintClosed
  | ComplaintAppealed
  | EvidenceAttached
  | ComplaintStepFailed
  | FailedStepHandled;
