import { setHandler } from '@temporalio/workflow';
import type { Actor } from '@vax/event-sourcing';
import {
  type CitizenReply,
  type ComplaintProgress,
  type CorrectionRefusal,
  type FailedStepRequest,
  type LifecycleStage,
  type RecordCorrected,
  type Turn,
  appealSignal,
  assigneeQuery,
  citizenReplySignal,
  correctionRefusedSignal,
  deadlinesQuery,
  failedStepSignal,
  progressQuery,
  recordCorrectedSignal,
  withdrawSignal,
} from './complaint-lifecycle.messages';
import { DecisionDesk } from './complaint-lifecycle.decisions';

type Queues = {
  replies: CitizenReply[];
  appeals: { citizen: Actor; grounds: string }[];
  withdrawals: { citizen: Actor; reason: string }[];
  failedStep: FailedStepRequest[];
};

/**
 * What the workflow has been told and not yet acted on, and what it shows to queries. Signals queue
 * only when the workflow can act on them: decisions while a decision is awaited (see DecisionDesk),
 * replies on the citizen's turn, appeals in the appeal window, withdrawals until closure. They are
 * taken in order; one the aggregate refuses (not the filer…) makes way for the next, and once one is
 * accepted the rest of its queue is moot and settled (dropped).
 */
export class LifecycleInbox {
  private readonly queues: Queues = { replies: [], appeals: [], withdrawals: [], failedStep: [] };
  readonly decisions = new DecisionDesk();
  corrected: RecordCorrected | null = null;
  private readonly refusals: CorrectionRefusal[] = [];
  readonly progress: ComplaintProgress;

  constructor(complaintId: string) {
    this.progress = {
      complaintId,
      stage: 'checking-identity',
      turn: null,
      paused: null,
      appealUntil: null,
      escalations: 0,
      outcome: null,
      attention: null,
    };
  }

  install(): void {
    const queueIn =
      <K extends keyof Queues>(kind: K, stage: LifecycleStage | null) =>
      (value: Queues[K][number]) => {
        if (stage ? this.progress.stage === stage : this.progress.stage !== 'closed')
          (this.queues[kind] as Queues[K][number][]).push(value);
      };
    this.decisions.install();
    setHandler(citizenReplySignal, queueIn('replies', 'awaiting-citizen'));
    setHandler(appealSignal, queueIn('appeals', 'appeal-window'));
    setHandler(withdrawSignal, queueIn('withdrawals', null));
    setHandler(failedStepSignal, (request) => void (this.progress.attention && this.queues.failedStep.push(request)));
    setHandler(recordCorrectedSignal, (c) => void (this.corrected ??= c));
    setHandler(correctionRefusedSignal, (r) => void this.refusals.push(r));
    setHandler(progressQuery, () => this.progress);
    setHandler(assigneeQuery, () => {
      const turn = this.progress.turn;
      return turn && this.progress.stage !== 'closed' ? { level: turn.level, unitId: turn.unitId } : null;
    });
    setHandler(deadlinesQuery, () => ({
      dueAt: this.progress.paused ? null : (this.progress.turn?.dueAt ?? null),
      remindAt: this.progress.paused ? null : (this.progress.turn?.remindAt ?? null),
      replyBy: this.progress.paused?.replyBy ?? null,
      appealUntil: this.progress.appealUntil,
    }));
  }

  enter(stage: LifecycleStage, turn: Turn | null = this.progress.turn): void {
    this.progress.stage = stage;
    this.progress.turn = turn;
    this.decisions.setOpen(stage === 'awaiting-decision');
    if (stage !== 'awaiting-citizen') this.progress.paused = null;
    if (stage !== 'appeal-window' && stage !== 'closed') this.progress.appealUntil = null;
  }

  /** Injections' refusal of this correction command, if it came (refusals of earlier commands are stale). */
  refusalOf(commandId: string): CorrectionRefusal | undefined {
    return this.refusals.find((r) => r.commandId === commandId);
  }

  has(kind: keyof Queues): boolean {
    return this.queues[kind].length > 0;
  }

  /** The oldest signal of a kind, to act on (call only when `has(kind)`). */
  take<K extends keyof Queues>(kind: K): Queues[K][number] {
    return this.queues[kind].shift()!;
  }

  /** One of this kind was accepted: the others sent meanwhile are moot. */
  settle(kind: keyof Queues): void {
    this.queues[kind].length = 0;
  }
}
