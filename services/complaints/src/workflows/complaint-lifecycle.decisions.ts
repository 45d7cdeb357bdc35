import { condition, setHandler } from '@temporalio/workflow';
import { type DecisionResult, type SiteDecision, decideUpdate, decisionSignal } from './complaint-lifecycle.messages';

const NOT_AWAITED = 'the complaint is not waiting for a decision, or another decision is being recorded';

/**
 * The holder's decisions, sent as a signal (queued; the first the complaint takes wins) or as an
 * update (answered with what became of it; refused at once while another decision is pending or
 * being recorded, so of two staff deciding at once one wins and the other gets a conflict).
 * A decision id already answered gets the same answer again.
 */
export class DecisionDesk {
  private open = false;
  private recording: string | null = null;
  private readonly queue: SiteDecision[] = [];
  private readonly results = new Map<string, DecisionResult>();

  install(): void {
    setHandler(decisionSignal, (decision) => {
      if (this.open && !this.results.has(decision.decisionId)) this.queue.push(decision);
    });
    setHandler(
      decideUpdate,
      async (decision) => {
        if (!this.results.has(decision.decisionId)) this.queue.push(decision);
        await condition(() => this.results.has(decision.decisionId));
        return this.results.get(decision.decisionId)!;
      },
      {
        validator: (decision) => {
          if (this.results.has(decision.decisionId)) return;
          if (!this.open || this.recording !== null || this.queue.length > 0) throw new Error(NOT_AWAITED);
        },
      },
    );
  }

  /** Whether the workflow awaits a decision; when it stops, pending ones are answered as refused. */
  setOpen(open: boolean): void {
    if (!open) this.dropPending();
    this.open = open;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** The oldest pending decision, to record (call only when `pending`). */
  take(): SiteDecision {
    const decision = this.queue.shift()!;
    this.recording = decision.decisionId;
    return decision;
  }

  /** What the complaint did with the decision taken; once one is recorded the rest are moot. */
  decided(result: DecisionResult): void {
    if (this.recording) this.results.set(this.recording, result);
    this.recording = null;
    if (result.outcome === 'refused') return;
    this.open = false;
    this.dropPending();
  }

  /**
   * A step failed for good: the decision being recorded and those waiting are answered as refused
   * (the staff are not kept waiting on an operator), and no more are taken until `setOpen`.
   */
  suspend(): void {
    if (this.recording) this.results.set(this.recording, { outcome: 'refused', code: 'needs-attention' });
    this.recording = null;
    this.open = false;
    this.dropPending();
  }

  private dropPending(): void {
    for (const d of this.queue.splice(0)) this.results.set(d.decisionId, { outcome: 'refused', code: 'wrong-state' });
  }
}
