import type { FailedStepRequest } from '../workflows/complaint-lifecycle.messages';
import {
  type LifecycleDependencies,
  type Refused,
  type StepInput,
  issue,
  issueOnBehalf,
} from './lifecycle-dependencies';

/** A step that failed for good: recorded on the complaint, then handled as its holder or a manager asks. */
export function createAttentionActivities(deps: LifecycleDependencies) {
  return {
    async recordStepFailure(input: StepInput & { failedStep: string; errorType: string }): Promise<void> {
      const { failedStep, errorType, at } = input;
      await issue(deps, input, { type: 'RecordStepFailure', step: failedStep, errorType, at });
    },

    async handleFailedStep(input: StepInput & FailedStepRequest): Promise<{ accepted: true } | Refused> {
      const { operator, note, at } = input;
      const command =
        input.action === 'retry'
          ? { type: 'RetryFailedStep' as const, operator, at }
          : { type: 'CloseFailedComplaint' as const, operator, note, at };
      const result = await issueOnBehalf(deps, input, command, operator);
      return 'refused' in result ? result : { accepted: true };
    },
  };
}
