import { condition, patched, proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { ComplaintLifecycleActivities, StepInput } from '../activities/complaint-lifecycle.activities';
import { attendedSteps } from './complaint-lifecycle.attention';
import { LifecycleInbox } from './complaint-lifecycle.inbox';

type Steps = Omit<ComplaintLifecycleActivities, 'reissueCertificate'>;

/** Commands and notifications: quick, idempotent, retried with backoff for as long as it takes. */
const STEP_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

/** As first released: each step an activity task of its own, dispatched through the server. */
const remoteSteps = proxyActivities<Steps>(STEP_OPTIONS);

/**
 * Since LOCAL_STEPS_PATCH: each step a local activity, run by the worker that runs the workflow and
 * recorded as one marker; consecutive steps share one workflow task. The steps are short commands
 * and notifications, idempotent by step key, so a lost workflow task (a worker gone, a speculative
 * task dropped) costs a rerun, never a second effect, and a rerun gets the first run's answer. It
 * cut a complaint's history from 73 events to 33 and the server's work with it (the complaint
 * benchmark's bound: docs/performance.md). Retries past a few seconds back off on timers.
 */
const localSteps = proxyLocalActivities<Steps>({ ...STEP_OPTIONS, localRetryThreshold: '10 seconds' });

export const LOCAL_STEPS_PATCH = 'steps-as-local-activities';

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
  /** The steps, as activities of the kind this run started with (complaints begun before the patch keep theirs). */
  readonly activities: Steps;
  private steps = 0;

  constructor(readonly complaintId: string) {
    this.inbox = new LifecycleInbox(complaintId);
    const steps = patched(LOCAL_STEPS_PATCH) ? localSteps : remoteSteps;
    this.activities = attendedSteps(
      steps,
      this.inbox,
      (name) => this.step(name),
      () => now().toISOString(),
    );
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
      const result = await this.activities.withdraw({ ...this.step('withdraw'), ...this.inbox.take('withdrawals') });
      if (!('refused' in result)) return true;
    }
    return false;
  }
}
