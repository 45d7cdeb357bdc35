import type {
  FailedStepRequest,
  CitizenReply,
  DecisionResult,
  CorrectionRefusal,
  RecordCorrected,
  SiteDecision,
} from '../../workflows/complaint-lifecycle.messages';
import type { Actor } from '@vax/event-sourcing';

/**
 * Starts complaint workflows and tells them what happened (the Temporal client, in production).
 * Every signal resolves false when no workflow of that complaint is running: nothing to tell.
 * Decisions go as an update, so the caller learns whether theirs was the one recorded.
 */
export interface ComplaintWorkflowsPort {
  /** Starts the complaint's workflow; starting one that exists already is not an error. */
  start(complaintId: string): Promise<void>;
  recordCorrected(complaintId: string, corrected: RecordCorrected): Promise<boolean>;
  correctionRefused(complaintId: string, refusal: CorrectionRefusal): Promise<boolean>;
  /**
   * Hands a decision to the complaint and waits for what became of it; 'busy' when another decision
   * is pending or being recorded (two staff at once), 'not-running' when no workflow runs.
   */
  decide(complaintId: string, decision: SiteDecision): Promise<DecisionResult | 'busy' | 'not-running'>;
  reply(complaintId: string, reply: CitizenReply): Promise<boolean>;
  withdraw(complaintId: string, request: { citizen: Actor; reason: string }): Promise<boolean>;
  appeal(complaintId: string, request: { citizen: Actor; grounds: string }): Promise<boolean>;
  /** The holder or a manager retries the step that failed for good, or closes the complaint. */
  failedStep(complaintId: string, request: FailedStepRequest): Promise<boolean>;
}
