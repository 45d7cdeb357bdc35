import { ActivityFailure, ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import { type CampaignProgress, retryFailedStepSignal } from './campaign.messages';

/**
 * Added after release: an activity that fails for good (a constraint, a message breaking its
 * contract, a campaign gone) no longer fails the campaign's workflow. Checked only when one fails,
 * so every history recorded before replays as it ran.
 */
export const CAMPAIGN_ATTENTION_PATCH = 'campaign-failed-steps-need-attention';

/**
 * The campaign's steps as the workflow runs them: one that fails for good is shown in the progress
 * ("needs attention") and waits for a manager, who has it run again (after mending what made it
 * fail) or cancels the campaign. A step given up by the cancellation answers undefined.
 */
export class AttendedSteps {
  private retries = 0;

  constructor(
    private readonly progress: CampaignProgress,
    private readonly cancelled: () => boolean,
  ) {}

  install(): void {
    setHandler(retryFailedStepSignal, () => void (this.progress.attention && (this.retries += 1)));
  }

  async run<T>(step: string, activity: () => Promise<T>): Promise<T | undefined> {
    for (;;) {
      try {
        return await activity();
      } catch (error) {
        if (!(error instanceof ActivityFailure) || !patched(CAMPAIGN_ATTENTION_PATCH)) throw error;
        const cause = error.cause;
        const errorType = cause instanceof ApplicationFailure ? (cause.type ?? 'Error') : (cause?.name ?? error.name);
        this.progress.attention = { step, errorType };
        await condition(() => this.retries > 0 || this.cancelled());
        this.progress.attention = null;
        if (this.retries === 0) return undefined;
        this.retries = 0;
      }
    }
  }
}
