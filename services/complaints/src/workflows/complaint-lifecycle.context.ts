import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ComplaintLifecycleActivities, StepInput } from '../activities/complaint-lifecycle.activities';
import { LifecycleInbox } from './complaint-lifecycle.inbox';

/** Commands and notifications: quick, idempotent, retried with backoff for as long as it takes. */
export const activities = proxyActivities<ComplaintLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Certification reissues on its own schedule: ask again every few minutes, for up to a day (a
 * person who never held a certificate may get none; the corrected record stands either way).
 */
export const certification = proxyActivities<Pick<ComplaintLifecycleActivities, 'reissueCertificate'>>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Workflow time: inside the sandbox `Date` is the deterministic workflow clock, the same on replay. */
export const now = (): Date => new Date();

/** Waits until `woken()` holds or the instant passes; true if woken. */
export async function waitUntil(instant: string, woken: () => boolean): Promise<boolean> {
  const ms = Date.parse(instant) - now().getTime();
  return ms > 0 ? condition(woken, ms) : woken();
}

/** One complaint's run: its inbox of signals, and the step keys of its activities. */
export class Lifecycle {
  readonly inbox: LifecycleInbox;
  private steps = 0;

  constructor(readonly complaintId: string) {
    this.inbox = new LifecycleInbox(complaintId);
  }

  /** The input of the next step: its key (`complaint-<id>/<n>:<name>`, the same on replay) and the time. */
  step(name: string): StepInput {
    this.steps += 1;
    const step = `${workflowInfo().workflowId}/${this.steps}:${name}`;
    return { complaintId: this.complaintId, step, at: now().toISOString() };
  }

  /** Acts on the withdrawals sent, in order; false if the aggregate refused them all (not the filer…). */
  async withdraw(): Promise<boolean> {
    while (this.inbox.has('withdrawals')) {
      const result = await activities.withdraw({ ...this.step('withdraw'), ...this.inbox.take('withdrawals') });
      if (!('refused' in result)) return true;
    }
    return false;
  }
}
