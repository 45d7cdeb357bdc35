import { ActivityFailure, ApplicationFailure, TimeoutFailure, condition, patched } from '@temporalio/workflow';
import type { StepInput } from '../activities/complaint-lifecycle.activities';
import type { LifecycleInbox } from './complaint-lifecycle.inbox';

/**
 * Added after release: a step that fails for good (its activity's error is non-retryable, or its
 * retries ran out) no longer fails the workflow. Checked only when a step fails, so every history
 * recorded before replays as it ran, failures included.
 */
export const ATTENTION_PATCH = 'failed-steps-need-attention';

/** The operator closed the complaint after a failed step: the workflow ends where it stands. */
export class ClosedByOperator extends Error {
  constructor() {
    super('closed by an operator after a failed step');
    this.name = 'ClosedByOperator';
  }
}

/** The activities the attention itself needs, run as the run's other steps are. */
export interface AttentionSteps {
  recordStepFailure(input: StepInput & { failedStep: string; errorType: string }): Promise<void>;
  handleFailedStep(
    input: StepInput & { action: 'retry' | 'close'; operator: unknown; note: string },
  ): Promise<{ accepted: true } | { refused: string }>;
}

type AnyStep = (input: StepInput) => Promise<unknown>;

/**
 * The steps as the workflow calls them: a step that fails for good is recorded on the complaint
 * ("needs attention"), then the workflow waits for its holder or a manager. Retry runs it again with
 * the same key (nothing was written under it) at the current time; close ends the run.
 */
export function attendedSteps<S extends object>(
  steps: S & AttentionSteps,
  inbox: LifecycleInbox,
  next: (name: string) => StepInput,
  now: () => string,
): S {
  const attend = async (failed: StepInput, error: StepFailure): Promise<'retry' | 'close'> => {
    const errorType = failureType(error);
    inbox.progress.attention = { step: failed.step, errorType };
    inbox.decisions.suspend();
    await steps.recordStepFailure({ ...next('record-failure'), failedStep: failed.step, errorType });
    for (;;) {
      await condition(() => inbox.has('failedStep'));
      const request = inbox.take('failedStep');
      const result = await steps.handleFailedStep({ ...next(`failed-step-${request.action}`), ...request });
      if ('refused' in result) continue;
      inbox.settle('failedStep');
      inbox.progress.attention = null;
      inbox.decisions.setOpen(inbox.progress.stage === 'awaiting-decision');
      return request.action;
    }
  };
  const run = async (step: AnyStep, input: StepInput): Promise<unknown> => {
    for (let current = input; ; current = { ...current, at: now() }) {
      try {
        return await step(current);
      } catch (error) {
        if (!failedForGood(error) || !patched(ATTENTION_PATCH)) throw error;
        if ((await attend(current, error)) === 'close') throw new ClosedByOperator();
      }
    }
  };
  return new Proxy(steps, {
    get: (target, name) => (input: StepInput) => run(Reflect.get(target, name) as AnyStep, input),
  }) as S;
}

/**
 * How a step's failure reaches the workflow: a remote activity's as an ActivityFailure around its
 * cause; a local activity's as the ApplicationFailure (or TimeoutFailure) itself.
 */
type StepFailure = ActivityFailure | ApplicationFailure | TimeoutFailure;

const failedForGood = (error: unknown): error is StepFailure =>
  error instanceof ActivityFailure || error instanceof ApplicationFailure || error instanceof TimeoutFailure;

function failureType(error: StepFailure): string {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  if (failure instanceof ApplicationFailure) return failure.type ?? 'Error';
  return failure?.name ?? error.name;
}
