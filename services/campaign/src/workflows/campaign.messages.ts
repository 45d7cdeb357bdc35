import { defineQuery, defineSignal } from '@temporalio/workflow';

/** Signals and the query of a campaign's workflow, shared by the workflow and its callers. */

export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
/** Stops the campaign: chunks in flight finish, nothing new starts, the campaign closes as cancelled. */
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
/** Sites corrected rows or decided merge proposals: check and record what changed. */
export const changesSubmittedSignal = defineSignal('changesSubmitted');

/** A manager has the step that failed for good run again (see `CampaignProgress.attention`). */
export const retryFailedStepSignal = defineSignal('retryFailedStep');

export const progressQuery = defineQuery<CampaignProgress>('progress');

export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;

export type CampaignPhase = 'verifying' | 'settling' | 'following-up' | 'closed' | 'cancelled';

export interface ClassCounts {
  sent: number;
  matched: number;
  mismatched: number;
  notFound: number;
  ambiguous: number;
  invalidId: number;
  rejected: number;
}

export interface CampaignProgress extends ClassCounts {
  phase: CampaignPhase;
  paused: boolean;
  chunksTotal: number;
  chunksDone: number;
  mergeProposals: number;
  dosesSent: number;
  worklistItems: number;
  rechecked: number;
  followUpRounds: number;
  cancelReason?: string;
  /** A step that failed for good, until a manager retries it or cancels the campaign. */
  attention?: { step: string; errorType: string } | null;
}

export interface CampaignInput {
  campaignId: string;
  /** Rows per bulk request (identity accepts up to 5,000; 2,000 keeps results under Kafka's 1 MB). */
  chunkSize: number;
  /** Bulk requests in flight at once. */
  maxInFlight: number;
  /** YYYY-MM-DD: follow-up ends at the end of this day in Vietnam. */
  deadline: string;
  /** Set when the workflow continued as new: where the previous run stopped. */
  carried?: { nextChunk: number; progress: CampaignProgress };
}
