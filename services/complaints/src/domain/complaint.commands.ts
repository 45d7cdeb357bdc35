import type { Actor } from '@vax/event-sourcing';
import type { HandlingLevel, PersonalField, RejectionReason } from './complaint-kinds';
import type { EvidenceItem } from './complaint-evidence';
import type { ComplaintSubject, Correction, StatedPerson } from './complaint-subject';

/** Every instant is an ISO string that arrives with the command: the decider has no clock. */

/** A citizen files a complaint from the portal, their phone confirmed by a one-time code. */
export interface FileComplaint {
  type: 'FileComplaint';
  complaintId: string;
  citizen: Actor;
  stated: StatedPerson;
  contact: { phone: string; address: string };
  contactConfirmed: boolean;
  subject: ComplaintSubject;
  description: string;
  evidence: EvidenceItem[];
  at: string;
}

/** The registry's answer on the stated person (the police vouch for identity). */
export interface RecordIdentityCheck {
  type: 'RecordIdentityCheck';
  result: 'verified' | 'mismatched' | 'not-found';
  /** The identity service's check (injections needs it to add a missing dose). */
  verificationId: string | null;
  personId: string | null;
  differingFields: PersonalField[];
  at: string;
}

/** Give the turn to a unit, with the due time the SLA policy gives it. */
export interface AssignComplaint {
  type: 'AssignComplaint';
  level: HandlingLevel;
  unitId: string;
  dueAt: string;
  at: string;
}

/** The holder missed `expectedDueAt`: record the breach and give the turn to the next level. */
export interface EscalateOverdue {
  type: 'EscalateOverdue';
  expectedDueAt: string;
  level: HandlingLevel;
  unitId: string;
  dueAt: string;
  at: string;
}

export interface AcceptComplaint {
  type: 'AcceptComplaint';
  decidedBy: Actor;
  correction: Correction;
  note: string;
  at: string;
}

export interface RejectComplaint {
  type: 'RejectComplaint';
  decidedBy: Actor;
  reason: RejectionReason;
  note: string;
  appealUntil: string;
  at: string;
}

/** The holder asks the citizen for more; the SLA clock stops with `remainingMinutes` of working time kept. */
export interface RequestInformation {
  type: 'RequestInformation';
  requestedBy: Actor;
  question: string;
  remainingMinutes: number;
  replyBy: string;
  at: string;
}

/** The citizen answers; the clock restarts and is due at `dueAt` (now plus the working time kept). */
export interface RecordCitizenReply {
  type: 'RecordCitizenReply';
  citizen: Actor;
  message: string;
  evidence: EvidenceItem[];
  dueAt: string;
  at: string;
}

/** The citizen let the reply window pass: the complaint closes rejected (and may be appealed). */
export interface CloseUnanswered {
  type: 'CloseUnanswered';
  appealUntil: string;
  at: string;
}

/** Injections corrected the record as asked (DoseCorrected, DoseVoided or DoseRecorded). */
export interface RecordCorrection {
  type: 'RecordCorrection';
  recordId: string;
  at: string;
}

/**
 * Injections refused the correction (its rules say no): the turn goes back to the unit that accepted,
 * with a new due time (its first deadline may have passed while injections was asked).
 */
export interface RefuseCorrection {
  type: 'RefuseCorrection';
  problem: string;
  dueAt: string;
  at: string;
}

/** The record is right and the certificate reissued (null: the person has none to reissue). */
export interface ResolveComplaint {
  type: 'ResolveComplaint';
  certificateId: string | null;
  at: string;
}

export interface AppealComplaint {
  type: 'AppealComplaint';
  citizen: Actor;
  grounds: string;
  at: string;
}

export interface WithdrawComplaint {
  type: 'WithdrawComplaint';
  citizen: Actor;
  reason: string;
  at: string;
}

export interface AttachEvidence {
  type: 'AttachEvidence';
  citizen: Actor;
  evidence: EvidenceItem[];
  at: string;
}

/** The workflow's step `step` failed for good (see ComplaintStepFailed). */
export interface RecordStepFailure {
  type: 'RecordStepFailure';
  step: string;
  errorType: string;
  at: string;
}

/** The holder or a manager has the failed step run again (after mending what made it fail). */
export interface RetryFailedStep {
  type: 'RetryFailedStep';
  operator: Actor;
  at: string;
}

/** The holder or a manager gives up on the failed step: the complaint closes (rejected, no appeal). */
export interface CloseFailedComplaint {
  type: 'CloseFailedComplaint';
  operator: Actor;
  note: string;
  at: string;
}

export type ComplaintCommand =
  | FileComplaint
  | RecordIdentityCheck
  | AssignComplaint
  | EscalateOverdue
  | AcceptComplaint
  | RejectComplaint
  | RequestInformation
  | RecordCitizenReply
  | CloseUnanswered
  | RecordCorrection
  | RefuseCorrection
  | ResolveComplaint
  | AppealComplaint
  | WithdrawComplaint
  | AttachEvidence
  | RecordStepFailure
  | RetryFailedStep
  | CloseFailedComplaint;
