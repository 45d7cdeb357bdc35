import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '@vax/event-sourcing';
import type { HandlingLevel, RejectionReason } from '../domain/complaint-kinds';
import type { EvidenceItem } from '../domain/complaint-evidence';
import type { Correction } from '../domain/complaint-subject';

/**
 * The complaint lifecycle workflow's messages, defined once for the workflow and its callers (the
 * HTTP API, the Kafka consumer, tests). One workflow per complaint, id `complaint-<complaintId>`:
 * starting it twice with that id is refused by Temporal, so a retried start is harmless.
 */
export const complaintWorkflowId = (complaintId: string): string => `complaint-${complaintId}`;

export interface ComplaintLifecycleInput {
  complaintId: string;
}

/** A decision of the unit holding the turn; the first one wins, later ones while it is handled are dropped. */
export type SiteDecision = { decisionId: string; decidedBy: Actor } & (
  | { kind: 'accept'; correction: Correction; note: string }
  | { kind: 'reject'; reason: RejectionReason; note: string }
  | { kind: 'ask-citizen'; question: string }
);

export interface CitizenReply {
  citizen: Actor;
  message: string;
  evidence: EvidenceItem[];
}

/** Injections corrected the record for this complaint (DoseCorrected / DoseVoided / DoseRecorded from Kafka). */
export interface RecordCorrected {
  recordId: string;
  /** The published event's id: the same Kafka message delivered twice is one signal. */
  eventId: string;
}

export const decisionSignal = defineSignal<[SiteDecision]>('decision');

/** What became of a decision sent as the `decide` update. */
export type DecisionResult =
  | { outcome: 'accepted' | 'rejected' | 'asked' }
  /** The complaint refused it (not the holder, invalid, already decided): the decider's error code. */
  | { outcome: 'refused'; code: string };

/** A decision that answers: its validator refuses at once while another decision is pending. */
export const decideUpdate = defineUpdate<DecisionResult, [SiteDecision]>('decide');
export const citizenReplySignal = defineSignal<[CitizenReply]>('citizenReply');
export const recordCorrectedSignal = defineSignal<[RecordCorrected]>('recordCorrected');

/** Injections refused the correction command `commandId` (CorrectionRefused from Kafka). */
export interface CorrectionRefusal {
  commandId: string;
  /** The broken rules, e.g. "lotNumber:known; administeredOn:minInterval". */
  problem: string;
  eventId: string;
}
export const correctionRefusedSignal = defineSignal<[CorrectionRefusal]>('correctionRefused');
export const appealSignal = defineSignal<[{ citizen: Actor; grounds: string }]>('appeal');
export const withdrawSignal = defineSignal<[{ citizen: Actor; reason: string }]>('withdraw');

/**
 * The holder or a manager handles a step that failed for good: run it again (after mending what made
 * it fail) or close the complaint. Checked against the complaint (role and scope) before it is sent.
 */
export interface FailedStepRequest {
  action: 'retry' | 'close';
  operator: Actor;
  note: string;
}
export const failedStepSignal = defineSignal<[FailedStepRequest]>('failedStep');

/** Who holds the turn, and the clock on it. */
export interface Turn {
  level: HandlingLevel;
  unitId: string;
  dueAt: string;
  /** When the holder is reminded; null when the turn is too short for a reminder. */
  remindAt: string | null;
}

export type LifecycleStage =
  | 'checking-identity'
  | 'awaiting-decision'
  | 'awaiting-citizen'
  | 'awaiting-correction'
  | 'reissuing-certificate'
  | 'appeal-window'
  | 'closed';

export interface ComplaintProgress {
  complaintId: string;
  stage: LifecycleStage;
  turn: Turn | null;
  /** While the citizen holds the turn: the working minutes the clock keeps, and the reply deadline. */
  paused: { remainingMinutes: number; replyBy: string } | null;
  appealUntil: string | null;
  escalations: number;
  outcome: 'resolved' | 'rejected' | 'withdrawn' | null;
  /** A step that failed for good, until its holder or a manager retries it or closes the complaint. */
  attention?: { step: string; errorType: string } | null;
}

export const progressQuery = defineQuery<ComplaintProgress>('progress');
export const assigneeQuery = defineQuery<{ level: HandlingLevel; unitId: string } | null>('assignee');
export const deadlinesQuery = defineQuery<{
  dueAt: string | null;
  remindAt: string | null;
  replyBy: string | null;
  appealUntil: string | null;
}>('deadlines');
